#!/usr/bin/env python3
"""Reads a territories.csv written by `telemed whatif` with Python's csv module, a parser
independent of telemed, checks its shape and prints what it read as JSON.

Usage: check_territories_csv.py FILE.csv
Exit 1, with the reasons on standard error, when the header is not the expected one, a row has
the wrong number of fields, or a numeric column holds something other than a number or nothing.
"""
import csv
import json
import sys

HEADER = [
    "variant", "level", "code", "name", "population", "sites", "requests", "served", "served_percent",
    "urgent_wait_median_days", "urgent_wait_p90_days", "soon_wait_median_days", "soon_wait_p90_days",
    "routine_wait_median_days", "routine_wait_p90_days", "urgent_within_2_days_percent", "unit_visits",
    "unit_km", "specialist_hours",
]
INTEGER = {"population", "sites", "requests", "served", "unit_visits"}
OPTIONAL = {"population"} | {name for name in HEADER if name.endswith("_days") or name.endswith("_percent")}
LEVELS = {"region", "department", "commune"}


def main(path):
    problems = []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, strict=True))
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[0] if rows else 'missing'}")
        rows = rows[:1]
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            problems.append(f"line {number}: {len(row)} fields, expected {len(HEADER)}")
            continue
        record = dict(zip(HEADER, row))
        if record["level"] not in LEVELS:
            problems.append(f"line {number}: level {record['level']!r}")
        for name in HEADER[4:]:
            value = record[name]
            if value == "" and name in OPTIONAL:
                record[name] = None
                continue
            try:
                record[name] = int(value) if name in INTEGER else float(value)
            except ValueError:
                problems.append(f"line {number}: {name} is {value!r}, not a number")
        records.append(record)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    json.dump({"rows": records}, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
