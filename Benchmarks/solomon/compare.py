#!/usr/bin/env python3
"""Markdown table of `telemed bench vrptw` runs beside the peers' figures (peers.csv).

Usage: python3 Benchmarks/solomon/compare.py RUN_10S.jsonl [RUN_30S.jsonl]
Each run file holds the JSON lines `telemed bench vrptw` prints, one per instance.
"""
import csv
import json
import pathlib
import sys

here = pathlib.Path(__file__).parent
peers = {row["instance"]: row for row in csv.DictReader(open(here / "peers.csv"))}
runs = [{line["instance"]: line for line in map(json.loads, open(path))} for path in sys.argv[1:]]
if not runs:
    sys.exit(__doc__)

labels = ["10 s", "30 s"][: len(runs)]
header = ["instance", "PyVRP 10 s (veh / dist)"] + [f"telemed {label} (veh / dist)" for label in labels]
header += [f"ratio {label}" for label in labels]
print("| " + " | ".join(header) + " |")
print("|" + " --- |" * len(header))
ratios = [[] for _ in runs]
for name in sorted(peers, key=lambda n: list(peers).index(n)):
    pyvrp = float(peers[name]["pyvrp_distance"])
    cells = [name, f"{peers[name]['pyvrp_vehicles']} / {pyvrp:.2f}"]
    for index, run in enumerate(runs):
        line = run[name]
        mark = "" if line["feasible"] else " (infeasible)"
        cells.append(f"{line['vehicles']} / {line['distance']:.2f}{mark}")
        ratios[index].append(line["distance"] / pyvrp)
    cells += [f"{ratio[-1]:.3f}" for ratio in ratios]
    print("| " + " | ".join(cells) + " |")
averages = [f"**{sum(r) / len(r):.4f}**" for r in ratios]
print("| average ratio | | " + " | ".join("" for _ in runs) + " | " + " | ".join(averages) + " |")
