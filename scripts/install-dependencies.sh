#!/usr/bin/env bash
# Installs the system packages telemed builds and runs with (Debian/Ubuntu). Swift itself is
# expected on PATH (swift.org toolchain 6.1 or later).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# libical-dev: iCalendar feeds; libsqlite3-dev: the bookings database (GRDB on the system SQLite);
# tzdata: Europe/Paris rules for libical and Foundation; pkg-config: finds libical for SwiftPM;
# python3, python3-venv: the feed tests read feeds back with Python's icalendar too, and the what-if
# tests read territories.csv with Python's csv module; chromium, fonts-dejavu-core: the report and
# page tests render HTML in headless Chromium and screenshot it (a browser without fonts draws boxes).
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends libical-dev libsqlite3-dev tzdata pkg-config python3 python3-venv \
  chromium fonts-dejavu-core

# Python's icalendar, an iCalendar parser independent of libical, for scripts/check_feeds.py. Debian's
# Python is "externally managed", so it lives in a venv of the project's own (.build/python, which the
# tests look for); nothing is reinstalled when it already imports.
cd "$(dirname "$0")/.."
VENV=.build/python
if ! "$VENV/bin/python" -c 'import icalendar' 2>/dev/null; then
  python3 -m venv --clear "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check 'icalendar==7.3.0'
fi
