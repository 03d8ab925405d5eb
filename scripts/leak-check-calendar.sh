#!/usr/bin/env bash
# Runs telemed's calendar commands under valgrind (memcheck, --leak-check=full) and prints each
# run's leak summary: every libical path is exercised (three kinds of feeds with travel legs,
# hostile strings, Google and Outlook imports, a malformed calendar, the holidays calendar).
#
# Needs a debug build (swift build) and valgrind. Valgrind 3.19 (Debian 12) cannot read the
# DWARF 5 that Swift 6.3 writes, so a copy of the binary without debug info is run (symbols stay).
# It also stops with an internal SIGSEGV on the Swift Testing bundle itself, even with
# --tool=none, hence the commands rather than the test binary.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug .build/debug/telemed "$work/telemed"
fixtures=Tests/Fixtures
python3 - "$fixtures/feeds/scenario.json" "$work/hostile.json" <<'PY'
import json, sys
scenario = json.load(open(sys.argv[1]))
hostile = "X\r\nATTENDEE:mailto:x@evil; a, b \\ c \U0001F3E5"
scenario["requests"][0]["patientRef"] = hostile
scenario["sites"][0]["name"] = hostile
scenario["specialists"][0]["name"] = hostile
json.dump(scenario, open(sys.argv[2], "w"))
PY
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$work/bad.ics"
run() {
  local name=$1
  shift
  valgrind --leak-check=full --num-callers=40 --log-file="$work/$name.log" "$work/telemed" "$@" > /dev/null 2>&1 || true
  echo "== $name: telemed $*"
  grep -E "definitely lost:|indirectly lost:|possibly lost:" "$work/$name.log" | sed 's/^==[0-9]*== */   /'
  # Loss records whose allocation stack passes through libical, and those made by the Swift
  # runtime's metadata allocator (type metadata and witness table caches, kept for the life of the process).
  awk -v RS='==[0-9]+== \n' '/in loss record/ && /libical/ { n++ } END { printf "   loss records allocated inside libical: %d\n", n }' "$work/$name.log"
  awk -v RS='==[0-9]+== \n' '/in loss record/ && /Metadata|WitnessTable/ { n++ } END { printf "   loss records from Swift runtime metadata caches: %d\n", n }' "$work/$name.log"
}
run publish publish --scenario "$fixtures/feeds/scenario.json" --plan "$fixtures/feeds/plan.json" --out "$work/feeds" --travel-legs --now 2027-03-20T12:00:00Z
run hostile publish --scenario "$work/hostile.json" --plan "$fixtures/feeds/plan.json" --out "$work/hostile" --now 2027-03-20T12:00:00Z
run google availability import --specialist S-01 "$fixtures/calendars/google-style.ics" --scenario "$fixtures/feeds/scenario.json" --out "$work/google.json"
run outlook availability import --specialist S-01 "$fixtures/calendars/outlook-style.ics" --scenario "$fixtures/feeds/scenario.json" --out "$work/outlook.json"
run malformed availability import --specialist S-01 "$work/bad.ics" --scenario "$fixtures/feeds/scenario.json" --out "$work/bad.json"
run holidays calendar holidays --from 2025 --to 2028 --alsace-moselle
