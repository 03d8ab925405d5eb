/// Checks of a unit's recurring stops: where and when each happens, and that two of them never
/// hold the unit at once.
extension ValidationReport {
    mutating func checkRecurringStops(_ unit: MobileUnit, at path: JSONPath) {
        let horizon = scenario.horizon.start.through(scenario.horizon.end)
        for (index, stop) in unit.recurringStops.enumerated() {
            let stopPath = path[index]
            if ids.sites[stop.siteId] == nil {
                report(stopPath.key("siteId"), "unknown site \"\(stop.siteId)\"")
            }
            if !unit.operatingDays.contains(stop.day) {
                report(stopPath.key("day"), "the unit does not operate on \(stop.day.rawValue)")
            }
            if stop.departure <= stop.arrival {
                report(
                    stopPath.key("departure"), "departs at \(stop.departure), not after it arrives at \(stop.arrival)")
            } else if stop.arrival < unit.shift.start || stop.departure > unit.shift.end {
                report(stopPath, "the stop \(stop.arrival)–\(stop.departure) is outside the shift")
            }
            checkPattern(of: stop, at: stopPath)
            // Two stops clash only on a date both happen: even and odd weeks may share a time.
            for earlier in unit.recurringStops[..<index]
            where earlier.day == stop.day && earlier.arrival < stop.departure && stop.arrival < earlier.departure {
                let shared = horizon.filter { earlier.occurs(on: $0) && stop.occurs(on: $0) }
                guard let first = shared.first else { continue }
                let dates = LocalDate.listing(first: first, count: shared.count)
                let when = earlier.isWeekly && stop.isWeekly ? "" : " on \(dates)"
                report(
                    stopPath,
                    "overlaps another \(stop.day.rawValue) stop (\(earlier.arrival)–\(earlier.departure))\(when)")
            }
        }
    }

    /// `everyWeeks`, `anchorDate` and `weekOfMonth` describe one pattern that can happen.
    private mutating func checkPattern(of stop: RecurringStop, at path: JSONPath) {
        let day = stop.day.rawValue
        let everyWeeks = stop.everyWeeks ?? 1
        guard RecurringStop.everyWeeksRange.contains(everyWeeks) else {
            report(
                path.key("everyWeeks"),
                "every \(everyWeeks) weeks: use 1 to 52 (2 for every other \(day)), or leave it out for every week")
            checkWeekOfMonth(of: stop, at: path)
            return  // the anchor is judged against a spacing that makes sense
        }
        let spaced = everyWeeks >= 2
        if let anchor = stop.anchorDate {
            if !spaced {
                report(
                    path.key("anchorDate"),
                    "only a stop every 2 weeks or more has an anchor date; remove it or set everyWeeks")
            } else if anchor.weekday != stop.day {
                report(
                    path.key("anchorDate"),
                    "\(anchor) is a \(anchor.weekday.rawValue), not a \(day); give a \(day) the stop happens on")
            }
        } else if spaced {
            report(
                path.key("anchorDate"),
                "a stop every \(everyWeeks) weeks needs an anchor date: a \(day) it happens on, such as the next one")
        }
        if checkWeekOfMonth(of: stop, at: path), spaced {
            report(
                path.key("weekOfMonth"),
                "a stop on \(stop.cadence) cannot also come every \(everyWeeks) weeks;"
                    + " keep weekOfMonth or everyWeeks, not both")
        }
    }

    /// Reports a week of the month outside 1…4 and -1; true when the stop has a valid one.
    @discardableResult
    private mutating func checkWeekOfMonth(of stop: RecurringStop, at path: JSONPath) -> Bool {
        guard let week = stop.weekOfMonth else { return false }
        guard RecurringStop.weeksOfMonth.contains(week) else {
            let day = stop.day.rawValue
            report(
                path.key("weekOfMonth"),
                "week \(week) of the month: use 1 to 4 (1 for the first \(day)), or -1 for the last \(day)")
            return false
        }
        return true
    }
}
