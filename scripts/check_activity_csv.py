#!/usr/bin/env python3
"""Reads an activity.csv written by `telemed report activity` with Python's csv module, a parser
independent of telemed, checks its shape and prints what it read as JSON: the number of lines per
section and the sum of each figure per section (`{"lines": {...}, "sums": {"activity": {...}}}`).

Usage: check_activity_csv.py FILE.csv
Exit 1, with the reasons on standard error, when the header is not the expected one, a row has the
wrong number of fields, a section or figure is unknown, a key its section needs is empty, or a value
is not a number.
"""
import csv
import json
import sys

HEADER = [
    "section", "month", "date", "department", "department_name", "site_id", "site_name", "specialty", "urgency",
    "unit_id", "unit_name", "figure", "value",
]
SECTIONS = {
    "activity": ({"month", "department", "site_id", "specialty"},
                 {"requests", "bookings", "confirmed", "done", "no_show", "not_held", "cancelled"}),
    "waits": ({"urgency"},
              {"delay_days", "sessions", "within_delay", "within_delay_percent", "median_days", "p90_days"}),
    "units": ({"month", "unit_id"}, {"days", "stops", "kilometres"}),
    "waiting_list": ({"date"}, {"waiting"}),
}
INTEGER = {"requests", "bookings", "confirmed", "done", "no_show", "not_held", "cancelled", "delay_days", "sessions",
           "within_delay", "days", "stops", "waiting"}


def main(path):
    problems = []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, strict=True))
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[0] if rows else 'missing'}")
        rows = rows[:1]
    lines = {}
    sums = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            problems.append(f"line {number}: {len(row)} fields, expected {len(HEADER)}")
            continue
        record = dict(zip(HEADER, row))
        section = record["section"]
        if section not in SECTIONS:
            problems.append(f"line {number}: section {section!r}")
            continue
        keys, figures = SECTIONS[section]
        if record["figure"] not in figures:
            problems.append(f"line {number}: figure {record['figure']!r} in {section}")
            continue
        for key in keys:
            if record[key] == "":
                problems.append(f"line {number}: {key} is empty in {section}")
        try:
            value = int(record["value"]) if record["figure"] in INTEGER else float(record["value"])
        except ValueError:
            problems.append(f"line {number}: {record['figure']} is {record['value']!r}, not a number")
            continue
        lines[section] = lines.get(section, 0) + 1
        figures_sum = sums.setdefault(section, {})
        figures_sum[record["figure"]] = figures_sum.get(record["figure"], 0) + value
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    json.dump({"lines": lines, "sums": sums}, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
