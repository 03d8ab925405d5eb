#!/usr/bin/env python3
"""Writes the commune data telemed ships (Sources/TelemedCore/Resources/Communes/) from the shared
copy of French administrative data (communes-fr.csv, communes-epci-fr.csv, departements-fr.csv).

Usage: ship_communes.py SHARED_DATA_FOLDER RESOURCES_FOLDER

- communes-metropole.csv: every commune of the 13 metropolitan regions, in the source's order
  (by INSEE code), with the SIREN code of its intercommunality (empty for the few island
  communes that belong to none); the region follows from the department. Communes the source
  gives without a population or a town-hall location in metropolitan France are left out and
  named on standard error.
- epci-metropole.csv: each intercommunality with a metropolitan commune: SIREN code, name, type.
- departements-fr.csv: every department with its region, overseas ones included (telemed names
  them when it refuses an overseas region).
The same input gives the same bytes (LF line ends, fields quoted only when needed).
"""
import csv
import shutil
import sys
from pathlib import Path

OVERSEAS_REGIONS = {"01", "02", "03", "04", "06"}


def located(row):
    """A town-hall location in metropolitan France (Corsica included). The source has empty
    fields, the text "nan", and a few longitudes that repeat the latitude (49° east)."""
    try:
        latitude, longitude = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        return False
    return 41 <= latitude <= 51.2 and -5.3 <= longitude <= 9.7


def main(shared, resources):
    shared, resources = Path(shared), Path(resources)
    resources.mkdir(parents=True, exist_ok=True)
    with open(shared / "communes-epci-fr.csv", newline="", encoding="utf-8") as handle:
        epci_rows = list(csv.DictReader(handle))
    epci_of = {row["insee_code"]: row for row in epci_rows}
    with open(shared / "communes-fr.csv", newline="", encoding="utf-8") as handle:
        metropolitan = [row for row in csv.DictReader(handle) if row["region"] not in OVERSEAS_REGIONS]
    complete = [row for row in metropolitan if row["population"].isdigit() and located(row)]
    for row in metropolitan:
        if row not in complete:
            reason = "no population, or no location in metropolitan France"
            print(f"left out {row['insee_code']} {row['name']}: {reason}", file=sys.stderr)
    communes = complete

    used = {}
    with open(resources / "communes-metropole.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        columns = ["insee_code", "name", "department", "population", "latitude", "longitude"]
        writer.writerow(columns + ["epci"])
        for row in communes:
            epci = epci_of.get(row["insee_code"])
            if epci:
                used[epci["epci_siren"]] = epci
            writer.writerow([row[name] for name in columns] + [epci["epci_siren"] if epci else ""])

    with open(resources / "epci-metropole.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["siren", "name", "type"])
        for siren in sorted(used):
            writer.writerow([siren, used[siren]["epci_name"], used[siren]["epci_type"]])

    shutil.copyfile(shared / "departements-fr.csv", resources / "departements-fr.csv")
    print(f"{len(communes)} communes, {len(used)} intercommunalities", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
