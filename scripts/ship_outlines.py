#!/usr/bin/env python3
"""Writes the outlines telemed ships (Sources/TelemedCore/Resources/Outlines/) from the shared
departements-fr.geojson and epci-fr.geojson: the metropolitan departments and the
intercommunalities whose communes are all metropolitan, as the source draws them (simplified to
about 1 km and 400 m, 4 decimals), sorted by code.

Usage: ship_outlines.py SHARED_DATA_FOLDER RESOURCES_FOLDER

Only Polygon and MultiPolygon geometries are expected; anything else stops the script. The same
input gives the same bytes (compact JSON, keys in a fixed order, LF line end).
"""
import json
import sys
from pathlib import Path

OVERSEAS_DEPARTMENTS = {"971", "972", "973", "974", "975", "976", "977", "978"}


def polygons(geometry, name):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    sys.exit(f"{name}: unexpected geometry {geometry['type']}")


def write(path, features):
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main(shared, resources):
    shared, resources = Path(shared), Path(resources)
    departments = json.loads((shared / "departements-fr.geojson").read_text(encoding="utf-8"))["features"]
    epcis = json.loads((shared / "epci-fr.geojson").read_text(encoding="utf-8"))["features"]
    kept = []
    for feature in sorted(departments, key=lambda f: f["properties"]["code"]):
        code = feature["properties"]["code"]
        if code in OVERSEAS_DEPARTMENTS:
            continue
        kept.append({
            "type": "Feature", "properties": {"code": code, "name": feature["properties"]["name"]},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons(feature["geometry"], code)}})
    write(resources / "departements-metropole.geojson", kept)
    kept = []
    for feature in sorted(epcis, key=lambda f: f["properties"]["siren"]):
        properties = feature["properties"]
        if not properties["departments"] or any(d in OVERSEAS_DEPARTMENTS for d in properties["departments"]):
            continue
        kept.append({
            "type": "Feature",
            "properties": {"code": properties["siren"], "name": properties["name"],
                           "departments": sorted(properties["departments"])},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons(feature["geometry"], properties["siren"])}})
    write(resources / "epci-metropole.geojson", kept)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
