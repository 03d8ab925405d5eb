import TelemedCore

/// `unitRouteFeasible` (docs/constraints.md): checks one unit day and times it: shift, legs with
/// travel rounded up, driving limit, capacity, and a lunch break that overlaps neither a booking
/// nor a set-up and leaves each leg its driving time. Every change to a unit day goes through
/// ``evaluate(unit:day:stops:)`` (insertion, the route re-timing, ``SolutionState``), and
/// ``PinnedFactCheck`` places lunch with ``placeLunch(window:length:legs:stops:windows:setup:)``.
struct UnitRouteFeasible: SolverRule {
    static let name = ConstraintName.unitRouteFeasible

    let problem: SchedulingProblem

    /// Whether the unit can serve the site at all: there and back within its daily driving.
    @inline(__always)
    static func reaches(_ unit: SchedulingProblem.Unit, _ site: SchedulingProblem.Site, travel: TravelMatrix) -> Bool {
        2 * travel.ticks(unit.place, site.place) <= unit.maxDriving
    }

    /// Whether two placements share a unit day: a change to either re-times the whole day.
    @inline(__always)
    static func sharesDay(_ a: Placement, _ b: Placement) -> Bool {
        guard let unit = a.unit, unit == b.unit else { return false }
        return a.day == b.day
    }

    /// The requests a unit hosts on a day.
    static func hosted(unit: Int, day: Int, in state: SolutionState) -> [Int] {
        state.routes[unit][day].stops.flatMap { $0.bookings.map(\.owner) }
    }

    func evaluate(unit: Int, day: Int, stops: [Route.Stop]) -> RouteTiming? {
        guard let dayModel = problem.units[unit].days[day] else { return nil }
        guard !stops.isEmpty else {
            return RouteTiming(
                leavesDepot: dayModel.shift.start, returnsDepot: dayModel.shift.start, lunch: nil, drivingTicks: 0,
                exactDrivingMinutes: 0, kilometres: 0)
        }
        let model = problem.units[unit]
        let travel = problem.travel
        let windows = stops.map { $0.window(setup: model.setup) }
        let places = [model.place] + stops.map { problem.sites[$0.site].place } + [model.place]
        var driving = 0
        var exact = 0.0
        var kilometres = 0.0
        for leg in 0..<(places.count - 1) {
            driving += travel.ticks(places[leg], places[leg + 1])
            exact += travel.exactMinutes(places[leg], places[leg + 1])
            kilometres += travel.kilometres(places[leg], places[leg + 1])
        }
        guard driving <= model.maxDriving else { return nil }
        guard Route.load(of: stops, problem) <= model.capacity else { return nil }
        // Leg k goes from places[k] to places[k+1]; it may use the time between the previous
        // departure (or the shift start) and the next arrival (or the shift end).
        var legs: [(from: Int, to: Int, travel: Int)] = []
        for k in 0..<places.count - 1 {
            let from = k == 0 ? dayModel.shift.start : windows[k - 1].end
            let to = k == stops.count ? dayModel.shift.end : windows[k].start
            let ticks = travel.ticks(places[k], places[k + 1])
            guard to - from >= ticks else { return nil }
            legs.append((from, to, ticks))
        }
        for k in 1..<windows.count where windows[k].start < windows[k - 1].end { return nil }
        let lunch: TickInterval?
        if let window = dayModel.lunchWindow, dayModel.lunchTicks > 0 {
            guard
                let placed = Self.placeLunch(
                    window: window, length: dayModel.lunchTicks, legs: legs, stops: stops,
                    windows: windows, setup: model.setup)
            else { return nil }
            lunch = placed
        } else {
            lunch = nil
        }
        let firstLeg = legs[0]
        let lastLeg = legs[legs.count - 1]
        let leaves =
            lunch.map { $0.overlaps(TickInterval(start: firstLeg.from, end: firstLeg.to)) } == true
            ? firstLeg.from : firstLeg.to - firstLeg.travel
        let returns =
            lunch.map { $0.overlaps(TickInterval(start: lastLeg.from, end: lastLeg.to)) } == true
            ? lastLeg.to : lastLeg.from + lastLeg.travel
        return RouteTiming(
            leavesDepot: leaves, returnsDepot: returns, lunch: lunch, drivingTicks: driving,
            exactDrivingMinutes: exact, kilometres: kilometres)
    }

    /// The earliest lunch that fits: in a leg with enough slack left for the drive, or in idle
    /// time at a stop (after set-up, between hosted bookings). ``PinnedFactCheck`` asks the same
    /// question of the recurring stops alone, so the two never disagree.
    static func placeLunch(
        window: TickInterval, length: Int, legs: [(from: Int, to: Int, travel: Int)], stops: [Route.Stop],
        windows: [TickInterval], setup: Int
    ) -> TickInterval? {
        var candidates: [Int] = []
        for leg in legs {
            let start = max(leg.from, window.start)
            let end = min(leg.to, window.end)
            if end - start >= length && leg.to - leg.from - length >= leg.travel { candidates.append(start) }
        }
        for (index, stop) in stops.enumerated() {
            var busy = [TickInterval(start: windows[index].start, end: windows[index].start + setup)]
            busy += stop.bookings.map(\.interval)
            let idle = IntervalSet(windows[index]).subtracting(IntervalSet(busy))
            if let start = idle.intersection(IntervalSet(window)).firstFit(duration: length) {
                candidates.append(start)
            }
        }
        return candidates.min().map { TickInterval(start: $0, end: $0 + length) }
    }
}
