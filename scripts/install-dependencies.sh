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
# page tests render HTML in headless Chromium and screenshot it (a browser without fonts draws boxes);
# postgresql: the second store (`--db postgres://…`), whose tests start a throwaway cluster of their
# own (initdb in a temporary folder); nothing here configures or starts Debian's default cluster.
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends libical-dev libsqlite3-dev tzdata pkg-config python3 python3-venv \
  chromium fonts-dejavu-core postgresql

# Python tools the tests run, each independent of the code it checks: icalendar (an iCalendar parser
# other than libical, for scripts/check_feeds.py), openapi-spec-validator (openapi.yaml is a valid
# OpenAPI 3.1 document), schemathesis (generated requests against the running server must match
# that document), prometheus_client (its text parser reads /metrics, scripts/check_metrics.py), aiosmtpd
# (a real SMTP server on loopback for the mail client's tests, scripts/smtp_test_server.py) and trustme
# (a throwaway CA and server certificate for that server's TLS). Debian's Python is "externally managed", so they live in a venv of the project's
# own (.build/python, which the tests look for); nothing is reinstalled when they already import.
cd "$(dirname "$0")/.."
VENV=.build/python
PYTHON_TOOLS=('icalendar==7.3.0' 'openapi-spec-validator==0.9.0' 'schemathesis==4.32.5' 'prometheus_client==0.26.0'
  'aiosmtpd==1.4.6' 'trustme==1.2.1')
if ! "$VENV/bin/python" -c 'import icalendar, openapi_spec_validator, schemathesis, prometheus_client, aiosmtpd, trustme' 2>/dev/null; then
  [ -x "$VENV/bin/python" ] || python3 -m venv --clear "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_TOOLS[@]}"
fi
