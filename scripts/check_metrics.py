#!/usr/bin/env python3
"""Reads a Prometheus text exposition (`/metrics` of telemed serve) with prometheus_client's
parser, a reader independent of telemed, and prints what it read as JSON:
{"families": [{"name", "type", "help", "samples": [{"name", "labels", "value"}]}]}.

Usage: check_metrics.py FILE
Exit 1, with the parser's reason on standard error, when the text does not parse.
"""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def main(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        families = [
            {
                "name": family.name,
                "type": family.type,
                "help": family.documentation,
                "samples": [
                    {
                        "name": sample.name,
                        "labels": dict(sample.labels),
                        "value": sample.value if math.isfinite(sample.value) else str(sample.value),
                    }
                    for sample in family.samples
                ],
            }
            for family in text_string_to_metric_families(text)
        ]
    except Exception as error:  # the parser raises ValueError and others on malformed text
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    json.dump({"families": families}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
