#!/usr/bin/env bash
# Installs the system packages telemed builds and runs with (Debian/Ubuntu). Swift itself is
# expected on PATH (swift.org toolchain 6.1 or later).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# libical-dev: iCalendar feeds; libsqlite3-dev: the bookings database (GRDB on the system SQLite);
# tzdata: Europe/Paris rules for libical and Foundation; pkg-config: finds libical for SwiftPM.
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends libical-dev libsqlite3-dev tzdata pkg-config
