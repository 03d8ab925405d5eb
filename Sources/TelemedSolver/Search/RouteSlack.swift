/// Bounds on a unit day's timing that tell in O(1) whether a new stop can possibly go between two
/// stops (Savelsbergh's forward and backward time slack, 1992): the earliest each stop can be left
/// and the latest it can be reached, with floating bookings at their earliest and latest fits in
/// their site's hours and anchored bookings at their own times.
///
/// The test is a necessary condition, not a sufficient one: it ignores the lunch break, patients'
/// other bookings and reviews, which only make a day tighter. ``RouteScheduler`` stays the judge;
/// the slack only spares it the positions that cannot work. Days with pinned stops get no bounds.
struct RouteSlack {
    /// Per stop: the earliest departure, and the latest arrival (set-up included).
    let earliestDeparture: [Int]
    let latestArrival: [Int]
    let places: [Int]
    let shift: TickInterval
    let depot: Int
    let setup: Int

    /// `sequence` as ``RouteScheduler`` takes it: stops in order, each with its items in order.
    init?(
        problem: SchedulingProblem, unit: Int, day: Int,
        sequence: [(site: Int, pinnedWindow: TickInterval?, items: [RouteScheduler.Item])]
    ) {
        guard let dayModel = problem.units[unit].days[day], sequence.allSatisfy({ $0.pinnedWindow == nil }) else {
            return nil
        }
        let unitModel = problem.units[unit]
        let travel = problem.travel
        shift = dayModel.shift
        depot = unitModel.place
        setup = unitModel.setup
        places = sequence.map { problem.sites[$0.site].place }

        var departures: [Int] = []
        var time = shift.start
        var place = depot
        for (index, stop) in sequence.enumerated() {
            var cursor = time + travel.ticks(place, places[index]) + setup
            for item in stop.items {
                let earliest = problem.requests[item.request].earliestStart
                let start =
                    item.anchoredStart
                    ?? SiteOpen.earliestStart(
                        in: problem.sites[stop.site].open, notBefore: max(cursor, earliest), duration: item.duration,
                        notAfterEnd: .max)
                    ?? cursor
                cursor = max(cursor, start) + item.duration
            }
            departures.append(cursor)
            time = cursor
            place = places[index]
        }

        var arrivals = [Int](repeating: 0, count: sequence.count)
        time = shift.end
        place = depot
        for index in sequence.indices.reversed() {
            var bound = time - travel.ticks(places[index], place)
            for item in sequence[index].items.reversed() {
                let start =
                    item.anchoredStart
                    ?? SiteOpen.latestStart(
                        in: problem.sites[sequence[index].site].open, duration: item.duration, notAfterEnd: bound)
                    ?? bound - item.duration
                bound = min(bound - item.duration, start)
            }
            arrivals[index] = bound - setup
            time = arrivals[index]
            place = places[index]
        }
        earliestDeparture = departures
        latestArrival = arrivals
    }

    /// Whether a new stop at `place` (its site's hours `open`) holding one floating booking of `duration` (not before
    /// `earliestStart`) can go before stop `position` (`position == count`: last).
    func admits(
        place: Int, open: IntervalSet, duration: Int, earliestStart: Int, at position: Int, travel: TravelMatrix
    )
        -> Bool
    {
        let departs = position == 0 ? shift.start : earliestDeparture[position - 1]
        let from = position == 0 ? depot : places[position - 1]
        let ready = departs + travel.ticks(from, place) + setup
        guard
            let start = SiteOpen.earliestStart(
                in: open, notBefore: max(ready, earliestStart), duration: duration, notAfterEnd: .max)
        else { return false }
        let to = position == places.count ? depot : places[position]
        let deadline = position == places.count ? shift.end : latestArrival[position]
        return start + duration + travel.ticks(place, to) <= deadline
    }
}
