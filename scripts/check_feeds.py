#!/usr/bin/env python3
"""Reads the feeds `telemed publish` wrote with Python's icalendar, a parser independent of
libical, and checks them against index.json (every file listed, event count, SHA-256).

Usage: check_feeds.py DIR

Each event's VALARMs are read too (action, trigger in seconds from the start, description).
Prints what it read as JSON on standard output, for the Swift end-to-end tests to compare with
what they expect. Exits 1 when the index and the files disagree (each problem on standard error),
3 when icalendar is missing.
"""
import datetime
import hashlib
import json
import pathlib
import re
import sys

try:
    import icalendar
except ImportError:
    print("Python's icalendar package is missing: run scripts/install-dependencies.sh", file=sys.stderr)
    sys.exit(3)

TEXT = ["UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "STATUS"]


def unescape_text(raw):
    """icalendar hands X- properties back as written; RFC 5545 §3.8.8.2 makes their default type
    TEXT, so they are unescaped as TEXT (§3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda match: "\n" if match.group(1) in "nN" else match.group(1), raw)


def when(prop):
    """A DTSTART or DTEND as local ISO time, UTC ISO time and TZID."""
    value = prop.dt
    local = value.isoformat()
    utc = value.astimezone(datetime.timezone.utc).isoformat() if isinstance(value, datetime.datetime) else None
    return {"local": local, "utc": utc, "tzid": prop.params.get("TZID")}


def read_event(event):
    result = {name.lower(): str(event[name]) for name in TEXT if name in event}
    result["sequence"] = int(event.get("SEQUENCE", 0))
    result["properties"] = sorted(event.keys())
    for name in ["DTSTART", "DTEND"]:
        if name in event:
            result[name.lower()] = when(event[name])
    # CATEGORIES may stand several times, each a list of values (RFC 5545 3.8.1.2).
    categories = event.get("CATEGORIES", [])
    if not isinstance(categories, list):
        categories = [categories]
    result["categories"] = [str(value) for prop in categories for value in prop.cats]
    if "GEO" in event:
        result["geo"] = [event["GEO"].latitude, event["GEO"].longitude]
    result["alarms"] = [
        {
            "action": str(alarm.get("ACTION")),
            "trigger": int(alarm["TRIGGER"].dt.total_seconds()),
            "description": str(alarm.get("DESCRIPTION")),
        }
        for alarm in event.walk("VALARM")
    ]
    return result


def read_feed(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    header = {
        name.lower(): unescape_text(calendar[name].to_ical().decode()) if name.startswith("X-") else str(calendar[name])
        for name in calendar.keys()
    }
    return {
        "calendar": header,
        "timezones": [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")],
        "events": [read_event(event) for event in calendar.walk("VEVENT")],
    }


def main():
    folder = pathlib.Path(sys.argv[1])
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    problems = []
    feeds = {}
    for entry in index:
        path = folder / entry["fileName"]
        if not path.is_file():
            problems.append(f"{entry['fileName']}: listed in index.json but missing")
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['fileName']}: SHA-256 differs from index.json")
        feed = read_feed(path)
        if len(feed["events"]) != entry["eventCount"]:
            problems.append(f"{entry['fileName']}: {len(feed['events'])} events, index.json says {entry['eventCount']}")
        feeds[entry["fileName"]] = feed
    listed = {entry["fileName"] for entry in index}
    for path in sorted(folder.glob("*.ics")):
        if path.name not in listed:
            problems.append(f"{path.name}: not listed in index.json")
    print(json.dumps({"icalendar": icalendar.__version__, "feeds": feeds}, ensure_ascii=False, sort_keys=True))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
