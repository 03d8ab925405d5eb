"""Derives the siting fixture from the demo region: the Nièvre's sites and their requests, every
specialist, and two units (the Nivernais one, based in Nevers, and the Avallonnais one, whose
recurring stop outside the Nièvre is dropped). Run from the package root:

    python3 Tests/Fixtures/siting/derive.py
"""
import json

with open("Scenarios/bfc-demo.json", encoding="utf-8") as file:
    demo = json.load(file)
sites = [site for site in demo["sites"] if site["inseeCode"].startswith("58")]
kept = {site["id"] for site in sites}
units = [unit for unit in demo["units"] if unit["id"] in ("U-01", "U-02")]
for unit in units:
    unit["recurringStops"] = [stop for stop in unit.get("recurringStops", []) if stop["siteId"] in kept]
scenario = dict(demo)
scenario["name"] = "Nièvre, extrait de la région de démonstration (synthétique)"
scenario["provenance"] = (
    "Synthetic: the Nièvre's sites and requests, every specialist and units U-01 and U-02 of "
    "Scenarios/bfc-demo.json, by Tests/Fixtures/siting/derive.py."
)
scenario["sites"] = sites
scenario["units"] = units
scenario["requests"] = [request for request in demo["requests"] if request["siteId"] in kept]
scenario["bookings"] = []
with open("Tests/Fixtures/siting/scenario.json", "w", encoding="utf-8") as file:
    json.dump(scenario, file, ensure_ascii=False, indent=2, sort_keys=True)
    file.write("\n")
