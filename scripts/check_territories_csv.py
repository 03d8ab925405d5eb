#!/usr/bin/env python3
"""Reads a territories.csv written by `telemed whatif` with Python's csv module, a parser
independent of telemed, checks its shape and prints what it read as JSON.

Usage: check_territories_csv.py FILE.csv
Exit 1, with the reasons on standard error, when the header is not the expected one, a row has
the wrong number of fields, a numeric column holds something other than a number or nothing, a
zone kind sits on a row that is not a zone's, or the population within 30 minutes exceeds that within
45 minutes or the whole population.
"""
import csv
import json
import sys

HEADER = [
    "variant", "level", "code", "name", "zone_kind", "population", "population_within_30_min",
    "population_within_30_min_percent", "population_within_45_min", "population_within_45_min_percent", "sites",
    "requests", "served", "served_percent", "served_within_delay_percent", "consultations_per_1000",
    "wait_median_days", "wait_p90_days", "urgent_wait_median_days", "urgent_wait_p90_days",
    "soon_wait_median_days", "soon_wait_p90_days", "routine_wait_median_days", "routine_wait_p90_days",
    "urgent_within_2_days_percent", "unit_visits", "unit_km", "specialist_hours",
]
TEXT = {"variant", "level", "code", "name", "zone_kind"}
INTEGER = {"population", "population_within_30_min", "population_within_45_min", "sites", "requests", "served",
           "unit_visits"}
OPTIONAL = {"population", "population_within_30_min", "population_within_45_min", "consultations_per_1000"} | {
    name for name in HEADER if name.endswith("_days") or name.endswith("_percent")}
LEVELS = {"region", "department", "epci", "zone", "commune"}


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
        if (record["zone_kind"] != "") != (record["level"] == "zone"):
            problems.append(f"line {number}: zone_kind {record['zone_kind']!r} on a {record['level']} row")
        record["zone_kind"] = record["zone_kind"] or None
        for name in HEADER:
            if name in TEXT:
                continue
            value = record[name]
            if value == "" and name in OPTIONAL:
                record[name] = None
                continue
            try:
                record[name] = int(value) if name in INTEGER else float(value)
            except ValueError:
                problems.append(f"line {number}: {name} is {value!r}, not a number")
        people = [record[name] for name in ("population_within_30_min", "population_within_45_min", "population")]
        if None not in people and not people[0] <= people[1] <= people[2]:
            problems.append(f"line {number}: within 30 min, within 45 min and population are {people}")
        records.append(record)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    json.dump({"rows": records}, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
