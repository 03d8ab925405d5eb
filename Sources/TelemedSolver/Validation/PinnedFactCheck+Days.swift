import TelemedCore

/// The rules about one unit day with its recurring stops: the chain's driving, each leg between
/// the shift and the stops, and the lunch break. Days are grouped by pattern first.
extension PinnedFactCheck {
    /// One of the day's recurring stops, on the timeline.
    struct DayStop: Hashable {
        let index: Int
        let site: Int
        let window: TickInterval
    }

    /// A unit day relative to its local midnight: days with the same pattern give the same
    /// answers, so only the first of them is evaluated.
    private struct DayPattern: Hashable {
        let weekday: Weekday
        let shift: TickInterval
        let lunchWindow: TickInterval?
        let lunchTicks: Int
        let stops: [DayStop]
    }

    func dayIssues(unit position: Int, unreachable: Set<Int>) -> [PinnedFactIssue] {
        let timeline = problem.timeline
        var order: [DayPattern] = []
        var days: [DayPattern: [Int]] = [:]
        for day in timeline.days.indices {
            guard let model = problem.units[position].days[day] else { continue }
            let stops = recurringStops(unit: position, day: day)
            guard !stops.isEmpty else { continue }
            let midnight = timeline.dayRange(ofDay: day).start
            func relative(_ interval: TickInterval) -> TickInterval {
                TickInterval(start: interval.start - midnight, end: interval.end - midnight)
            }
            let pattern = DayPattern(
                weekday: timeline.days[day].weekday, shift: relative(model.shift),
                lunchWindow: model.lunchWindow.map(relative), lunchTicks: model.lunchTicks,
                stops: stops.map { DayStop(index: $0.index, site: $0.site, window: relative($0.window)) })
            if days[pattern] == nil { order.append(pattern) }
            days[pattern, default: []].append(day)
        }
        return order.flatMap { pattern in
            check(unit: position, days: days[pattern]!, unreachable: unreachable)
        }
    }

    /// The unit's recurring stops that happen that day, in arrival order.
    private func recurringStops(unit position: Int, day: Int) -> [DayStop] {
        let timeline = problem.timeline
        let date = timeline.days[day]
        return problem.scenario.units[position].recurringStops.enumerated().compactMap { index, stop -> DayStop? in
            guard stop.occurs(on: date), let site = problem.availability.index.sites[stop.siteId],
                let window = timeline.interval(onDay: day, from: stop.arrival, to: stop.departure)
            else { return nil }
            return DayStop(index: index, site: site, window: window)
        }.sorted { ($0.window.start, $0.index) < ($1.window.start, $1.index) }
    }

    /// Evaluates the first of `days` (all share one pattern) and names the dates in messages.
    private func check(unit position: Int, days: [Int], unreachable: Set<Int>) -> [PinnedFactIssue] {
        let day = days[0]
        let unit = problem.scenario.units[position]
        let model = problem.units[position]
        guard let dayModel = model.days[day] else { return [] }
        let stops = recurringStops(unit: position, day: day)
        let recurring = unit.recurringStops
        let date = problem.timeline.days[day]
        let when = "on \(date.weekday.rawValue)s (\(LocalDate.listing(first: date, count: days.count)))"
        let places = [model.place] + stops.map { problem.sites[$0.site].place } + [model.place]
        let legs = (0..<places.count - 1).map { problem.travel.ticks(places[$0], places[$0 + 1]) }
        var found: [PinnedFactIssue] = []

        let driving = legs.reduce(0, +)
        let reachable = stops.allSatisfy { !unreachable.contains($0.index) }
        if stops.count > 1, reachable, driving > model.maxDriving {
            let chain = (["depot"] + stops.map { recurring[$0.index].siteId.rawValue } + ["depot"])
                .joined(separator: " → ")
            found.append(
                PinnedFactIssue(
                    rule: .stopChainDriving, path: JSONPath("units")[position].key("recurringStops"),
                    message: "unit \(unit.id) \(when): \(chain) drives \(minutes(driving)) min"
                        + " (\(legs.map(minutes).joined(separator: " + "))), over its maximum of"
                        + " \(unit.maxDrivingMinutesPerDay) min (maxDrivingMinutesPerDay); move a stop to another"
                        + " day or unit"))
        }

        let first = stops[0]
        if first.window.start - dayModel.shift.start < legs[0] {
            let stop = recurring[first.index]
            found.append(
                PinnedFactIssue(
                    rule: .stopWithinShift, path: Self.stopPath(position, first.index),
                    message: "unit \(unit.id) \(when): the stop at \(stop.siteId) arrives at \(stop.arrival), but"
                        + " the depot is \(minutes(legs[0])) min away and the shift starts at \(unit.shift.start);"
                        + " arrive later or start the shift earlier"))
        }
        for next in 1..<stops.count {
            let (from, to) = (stops[next - 1], stops[next])
            let available = to.window.start - from.window.end
            guard available < legs[next] else { continue }
            let (leaving, arriving) = (recurring[from.index], recurring[to.index])
            found.append(
                PinnedFactIssue(
                    rule: .stopLegFits, path: Self.stopPath(position, to.index),
                    message: "unit \(unit.id) \(when): leaving \(leaving.siteId) at \(leaving.departure) and"
                        + " arriving at \(arriving.siteId) at \(arriving.arrival) leaves \(minutes(available)) min"
                        + " for a \(minutes(legs[next]))-min drive; space the two stops further apart"))
        }
        let last = stops[stops.count - 1]
        if dayModel.shift.end - last.window.end < legs[legs.count - 1] {
            let stop = recurring[last.index]
            found.append(
                PinnedFactIssue(
                    rule: .stopWithinShift, path: Self.stopPath(position, last.index),
                    message: "unit \(unit.id) \(when): the stop at \(stop.siteId) departs at \(stop.departure), but"
                        + " the depot is \(minutes(legs[legs.count - 1])) min away and the shift ends at"
                        + " \(unit.shift.end); leave earlier or end the shift later"))
        }
        guard found.isEmpty else { return found }

        if let lunch = lunchIssue(unit: position, day: day, stops: stops, legs: legs, when: when) {
            return [lunch]
        }
        // The solver's own evaluation, as a safety net: the rules above should already say why.
        let route = stops.map { Route.Stop(site: $0.site, pinnedWindow: $0.window) }
        guard reachable, UnitRouteFeasible(problem: problem).evaluate(unit: position, day: day, stops: route) == nil
        else { return [] }
        return [
            PinnedFactIssue(
                rule: .unitRouteFeasible, path: JSONPath("units")[position].key("recurringStops"),
                message: "unit \(unit.id) \(when): the recurring stops cannot be timed (unitRouteFeasible)")
        ]
    }

    /// The lunch placed as ``UnitRouteFeasible`` places it, around the stops alone: in a leg with
    /// room for the drive as well, or at a stop after its set-up.
    private func lunchIssue(unit position: Int, day: Int, stops: [DayStop], legs: [Int], when: String)
        -> PinnedFactIssue?
    {
        let unit = problem.scenario.units[position]
        let model = problem.units[position]
        guard let dayModel = model.days[day], let window = dayModel.lunchWindow, dayModel.lunchTicks > 0,
            let rule = unit.lunchBreak
        else { return nil }
        let windows = stops.map(\.window)
        let spans = legs.indices.map { leg in
            (
                from: leg == 0 ? dayModel.shift.start : windows[leg - 1].end,
                to: leg == stops.count ? dayModel.shift.end : windows[leg].start, travel: legs[leg]
            )
        }
        let route = stops.map { Route.Stop(site: $0.site, pinnedWindow: $0.window) }
        guard
            UnitRouteFeasible.placeLunch(
                window: window, length: dayModel.lunchTicks, legs: spans, stops: route, windows: windows,
                setup: model.setup) == nil
        else { return nil }
        let listed = stops.map {
            let stop = unit.recurringStops[$0.index]
            return "\(stop.siteId) \(stop.arrival)–\(stop.departure)"
        }
        return PinnedFactIssue(
            rule: .lunchFits, path: JSONPath("units")[position].key("lunchBreak"),
            message: "unit \(unit.id) \(when): no \(rule.minutes)-min lunch fits between \(rule.earliestStart) and"
                + " \(rule.latestEnd) around the recurring stops (\(listed.joined(separator: ", ")), each after a"
                + " \(unit.setupMinutes)-min set-up) and the drives between them; move a stop or widen the break window"
        )
    }
}
