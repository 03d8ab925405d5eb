import Foundation
import TelemedCore

/// Pinned facts that break a hard rule by themselves: a unit's recurring stops (and the lunch
/// break around them) that no plan can honour, whatever the requests. Without this check the
/// solver keeps such a stop anyway (it is pinned) and returns a plan the checker rejects.
///
/// The rules are the plan checker's `unitRouteFeasible` (`docs/constraints.md`) applied to the
/// recurring stops alone, with the solver's travel model: legs rounded up to a tick as
/// ``TravelMatrix`` does, and the lunch placed exactly as ``UnitRouteFeasible`` places it. A
/// scenario that passes therefore always gets its pinned visits timed. Each unit day is checked
/// once per distinct weekday pattern (the same stops, shift and lunch relative to local
/// midnight), so a 52-week horizon costs a handful of evaluations per unit; a stop happens on the
/// dates of its pattern (``RecurringStop/occurs(on:)``), and one whose date is a holiday or a day
/// off simply does not happen that date (skipped, not moved).
///
/// ```swift
/// for issue in try PinnedFactCheck.issues(in: scenario) { print(issue) }
/// ```
public struct PinnedFactCheck: Sendable {
    let problem: SchedulingProblem

    init(problem: SchedulingProblem) {
        self.problem = problem
    }

    /// Every pinned-fact issue of a scenario that passes ``ScenarioValidator`` (an invalid one is
    /// refused with `SolverError.invalidScenario`: validate first). `travelModel` defaults to the
    /// scenario's own, a matrix file resolved against the current directory.
    public static func issues(
        in scenario: Scenario, travelModel: (any TravelModel)? = nil
    ) throws(SolverError) -> [PinnedFactIssue] {
        PinnedFactCheck(problem: try SchedulingProblem(validScenario: scenario, travelModel: travelModel)).issues
    }

    /// Unit by unit: each stop on its own, then each weekday pattern of stops.
    var issues: [PinnedFactIssue] {
        problem.scenario.units.indices.flatMap { unit -> [PinnedFactIssue] in
            guard !problem.scenario.units[unit].recurringStops.isEmpty else { return [] }
            let (alone, unreachable) = stopIssues(unit: unit)
            return alone + dayIssues(unit: unit, unreachable: unreachable)
        }
    }

    /// Rules about one stop whatever the date: its set-up, its round trip from the depot, and the
    /// site's hours. Also returns the stops the unit cannot reach at all, so that the day rules do
    /// not report the same distance again as a chain.
    private func stopIssues(unit position: Int) -> (issues: [PinnedFactIssue], unreachable: Set<Int>) {
        let unit = problem.scenario.units[position]
        let model = problem.units[position]
        var found: [PinnedFactIssue] = []
        var unreachable: Set<Int> = []
        for (index, stop) in unit.recurringStops.enumerated() {
            guard let site = problem.availability.index.sites[stop.siteId] else { continue }
            let path = Self.stopPath(position, index)
            let length = stop.departure.minutesSinceMidnight - stop.arrival.minutesSinceMidnight
            if unit.setupMinutes > length {
                found.append(
                    PinnedFactIssue(
                        rule: .stopSetupFits, path: path,
                        message: "unit \(unit.id)'s \(stop.day.rawValue) stop at \(stop.siteId) lasts \(length) min"
                            + " (\(stop.arrival)–\(stop.departure)), less than its \(unit.setupMinutes)-min set-up"
                            + " (setupMinutes); lengthen the stop or shorten the set-up"))
            }
            let place = problem.sites[site].place
            let there = problem.travel.ticks(model.place, place)
            let back = problem.travel.ticks(place, model.place)
            if there + back > model.maxDriving {
                unreachable.insert(index)
                found.append(
                    PinnedFactIssue(
                        rule: .stopReachable, path: path,
                        message: "unit \(unit.id) cannot reach \(stop.siteId) (its \(stop.day.rawValue) stop) from"
                            + " its depot and return within maxDrivingMinutesPerDay: \(minutes(there)) min there and"
                            + " \(minutes(back)) min back make \(minutes(there + back)) min, over its maximum of"
                            + " \(unit.maxDrivingMinutesPerDay) min; give the stop to a nearer unit or raise the limit")
                )
            }
            if let closed = siteClosedIssue(unit: position, stop: index, site: site) { found.append(closed) }
            if let never = neverHappensIssue(unit: position, stop: index) { found.append(never) }
        }
        return (found, unreachable)
    }

    /// The stop lies inside the site's opening hours of its weekday (touching windows merged); a
    /// site with one-off `openings` is checked on each date the stop happens. Closed dates and
    /// holidays are exceptions, not a pattern: the stop is simply empty then.
    private func siteClosedIssue(unit position: Int, stop index: Int, site: Int) -> PinnedFactIssue? {
        let unit = problem.scenario.units[position]
        let stop = unit.recurringStops[index]
        let scenarioSite = problem.scenario.sites[site]
        let prefix = "unit \(unit.id)'s \(stop.day.rawValue) stop at \(stop.siteId) (\(stop.arrival)–\(stop.departure))"
        let advice = "nothing can be booked there; move the stop to a day and time the site is open"
        guard scenarioSite.openings != nil else {
            let windows = Self.merged(
                scenarioSite.openingHours.filter { $0.day == stop.day }
                    .map { ($0.start.minutesSinceMidnight, $0.end.minutesSinceMidnight) })
            let (arrival, departure) = (stop.arrival.minutesSinceMidnight, stop.departure.minutesSinceMidnight)
            guard !windows.contains(where: { $0.start <= arrival && departure <= $0.end }) else { return nil }
            let hours =
                windows.isEmpty
                ? "closed all day"
                : "open " + windows.map { "\(Self.clock($0.start))–\(Self.clock($0.end))" }.joined(separator: ", ")
            return PinnedFactIssue(
                rule: .stopSiteOpen, path: Self.stopPath(position, index),
                message: "\(prefix) is outside the site's opening hours on \(stop.day.rawValue)s (\(hours)): \(advice)")
        }
        let timeline = problem.timeline
        let closedDates = timeline.days.indices.compactMap { day -> LocalDate? in
            guard problem.units[position].days[day] != nil, stop.occurs(on: timeline.days[day]),
                let window = timeline.interval(onDay: day, from: stop.arrival, to: stop.departure),
                !problem.sites[site].open.contains(window)
            else { return nil }
            return timeline.days[day]
        }
        guard let first = closedDates.first else { return nil }
        let dates = LocalDate.listing(first: first, count: closedDates.count)
        return PinnedFactIssue(
            rule: .stopSiteOpen, path: Self.stopPath(position, index),
            message: "\(prefix) falls outside the site's openings on \(dates): \(advice)")
    }

    /// A stop whose pattern misses every unit day of its weekday in the horizon: legal, but most
    /// likely a wrong anchor or week of the month, so it is reported without refusing.
    private func neverHappensIssue(unit position: Int, stop index: Int) -> PinnedFactIssue? {
        let stop = problem.scenario.units[position].recurringStops[index]
        guard !stop.isWeekly else { return nil }
        let timeline = problem.timeline
        let candidates = timeline.days.indices.filter {
            problem.units[position].days[$0] != nil && timeline.days[$0].weekday == stop.day
        }.map { timeline.days[$0] }
        guard let first = candidates.first, !candidates.contains(where: stop.occurs(on:)) else { return nil }
        let (unit, day) = (problem.scenario.units[position], stop.day.rawValue)
        let dates = LocalDate.listing(first: first, count: candidates.count)
        return PinnedFactIssue(
            rule: .stopOccurs, path: Self.stopPath(position, index),
            message: "unit \(unit.id)'s \(day) stop at \(stop.siteId) (\(stop.cadence)) falls on none of the unit's"
                + " \(day)s in the horizon (\(dates)), so it never happens; check its everyWeeks, anchorDate and"
                + " weekOfMonth")
    }

    // MARK: Formatting

    static func stopPath(_ unit: Int, _ stop: Int) -> JSONPath {
        JSONPath("units")[unit].key("recurringStops")[stop]
    }

    /// Whole minutes when the ticks make whole minutes, else two decimals.
    func minutes(_ ticks: Int) -> String {
        let perMinute = problem.timeline.ticksPerMinute
        return ticks % perMinute == 0
            ? "\(ticks / perMinute)" : String(format: "%.2f", Double(ticks) / Double(perMinute))
    }

    /// `09:30` from minutes since local midnight.
    static func clock(_ minutes: Int) -> String {
        LocalTime(minutesSinceMidnight: minutes).map(\.description) ?? "\(minutes) min"
    }

    /// Sorted, touching or overlapping windows joined.
    static func merged(_ windows: [(Int, Int)]) -> [(start: Int, end: Int)] {
        var result: [(start: Int, end: Int)] = []
        for (start, end) in windows.sorted(by: { $0 < $1 }) where start < end {
            if let last = result.last, start <= last.end {
                result[result.count - 1].end = max(last.end, end)
            } else {
                result.append((start, end))
            }
        }
        return result
    }
}
