#!/usr/bin/env python3
"""Reads a ranking.csv written by `telemed whatif suggest` with Python's csv module, a parser
independent of telemed, checks its shape and prints what it read as JSON.

Usage: check_ranking_csv.py FILE.csv
Exit 1, with the reasons on standard error, when the columns are not the expected ones, a row has
the wrong number of fields, a numeric column holds something other than a number (or nothing,
where a figure may be missing), or the ranks are not 1, 2, 3… in order.
"""
import csv
import json
import sys

TEXT = ["insee_code", "commune", "department_code", "department", "epci_code", "epci", "added_id", "variant"]
INTEGER = ["rank", "population", "unmet_nearby", "sites_nearby", "requests", "served", "served_within_delay",
           "gain_served_within_delay", "new_place_requests", "new_place_served_within_delay", "iterations"]
DECIMAL = ["nearest_existing_km", "mean_wait_days", "gain_mean_wait_days", "unit_km", "gain_unit_km"]
MAY_BE_EMPTY = {"nearest_existing_km", "mean_wait_days", "gain_mean_wait_days"}


def number(name, value):
    if value == "" and name in MAY_BE_EMPTY:
        return None
    return int(value) if name in INTEGER else float(value)


def main(path):
    problems = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, strict=True)
        expected = sorted(TEXT + INTEGER + DECIMAL)
        if sorted(reader.fieldnames or []) != expected:
            problems.append(f"columns are {reader.fieldnames}, expected {expected}")
        records = []
        for rank, record in enumerate(reader, start=1):
            if None in record or None in record.values():
                problems.append(f"rank {rank}: not {len(expected)} fields")
                continue
            try:
                record.update({name: number(name, record[name]) for name in INTEGER + DECIMAL})
            except ValueError as error:
                problems.append(f"rank {rank}: {error}")
                continue
            if record["rank"] != rank:
                problems.append(f"row {rank} has rank {record['rank']}")
            records.append(record)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    json.dump({"rows": records}, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
