/// Re-times a unit day when a request joins it: `async` captures hosted by the unit float (they
/// may move within their own constraints), `live` consultations stay anchored to their
/// specialist's time. A forward pass visits the stops in order and starts every floating capture
/// as early as travel, set-up, the site's hours, the patient's other bookings and its review
/// allow; ``UnitRouteFeasible`` then validates the day as it would any other.
struct RouteScheduler {
    let problem: SchedulingProblem
    let evaluator: UnitRouteFeasible

    /// A booking of the day as the pass sees it.
    struct Item {
        var request: Int
        var duration: Int
        /// Fixed start for anchored (`live`) bookings; nil for floating captures.
        var anchoredStart: Int?
        /// Floating only: the review this capture must precede.
        var review: TickInterval?
    }

    struct Result {
        var stops: [Route.Stop]
        /// New start of every booking of the day (the inserted one included), in visiting order.
        var starts: [(request: Int, start: Int)]
        var timing: RouteTiming

        func start(of request: Int) -> Int? { starts.first { $0.request == request }?.start }
    }

    /// `sequence`: the day's stops in visiting order with their items in order. Pinned stops keep
    /// their window. Returns nil when no timing works.
    func schedule(
        unit: Int, day: Int, sequence: [(site: Int, pinnedWindow: TickInterval?, items: [Item])], state: SolutionState
    )
        -> Result?
    {
        // Without a lunch break the second pass would repeat the first.
        let lunch = problem.units[unit].days[day]?.lunchWindow != nil
        for reserveLunch in lunch ? [false, true] : [false] {
            if let result = pass(unit: unit, day: day, sequence: sequence, reserveLunch: reserveLunch, state: state) {
                return result
            }
        }
        return nil
    }

    private func pass(
        unit: Int, day: Int, sequence: [(site: Int, pinnedWindow: TickInterval?, items: [Item])], reserveLunch: Bool,
        state: SolutionState
    ) -> Result? {
        guard let dayModel = problem.units[unit].days[day] else { return nil }
        let unitModel = problem.units[unit]
        // Built once, and only when a patient has other bookings (rare; every pass used to pay).
        var onRoute: Set<Int>?
        func elsewhere(_ item: Item) -> BusyList? {
            let patient = problem.requests[item.request].patient
            guard state.patientBusy[patient].entries.contains(where: { $0.owner != item.request }) else { return nil }
            let route = onRoute ?? Set(sequence.flatMap { $0.items.map(\.request) })
            onRoute = route
            return PatientNoOverlap.busy(patient, in: state, excluding: route)
        }
        var lunchTaken = !reserveLunch || dayModel.lunchWindow == nil
        var cursor = dayModel.shift.start
        var place = unitModel.place
        var stops: [Route.Stop] = []
        var starts: [(request: Int, start: Int)] = []

        func takeLunchIfDue(before length: Int) {
            guard !lunchTaken, let window = dayModel.lunchWindow else { return }
            if cursor >= window.start || cursor + length > window.end - dayModel.lunchTicks {
                cursor = max(cursor, window.start) + dayModel.lunchTicks
                lunchTaken = true
            }
        }

        for stop in sequence {
            let site = problem.sites[stop.site]
            let travel = problem.travel.ticks(place, site.place)
            takeLunchIfDue(before: travel)
            cursor += travel
            if let pinned = stop.pinnedWindow {
                guard cursor <= pinned.start else { return nil }
                cursor = pinned.start
            }
            var entries: [BusyList.Entry] = []
            // The station hosts one booking at a time (RoomFree), after the set-up (UnitPresent).
            var stationFree = UnitPresent.earliestStart(arrival: cursor, setup: unitModel.setup)
            for item in stop.items {
                let start: Int
                if let anchored = item.anchoredStart {
                    guard anchored >= stationFree else { return nil }
                    start = anchored
                } else {
                    takeLunchIfDue(before: item.duration)
                    // Lunch taken before the first booking moves the arrival (and set-up) later.
                    stationFree = max(
                        stationFree,
                        entries.isEmpty ? UnitPresent.earliestStart(arrival: cursor, setup: unitModel.setup) : cursor)
                    guard
                        let found = floatingStart(
                            item, notBefore: stationFree, site: stop.site, patientBusy: elsewhere(item))
                    else { return nil }
                    start = found
                }
                if let pinned = stop.pinnedWindow, start + item.duration > pinned.end { return nil }
                entries.append(
                    BusyList.Entry(
                        interval: TickInterval(start: start, end: start + item.duration), owner: item.request))
                starts.append((item.request, start))
                stationFree = start + item.duration
                cursor = stationFree
            }
            if let pinned = stop.pinnedWindow { cursor = max(cursor, pinned.end) }
            stops.append(Route.Stop(site: stop.site, pinnedWindow: stop.pinnedWindow, bookings: entries))
            place = site.place
        }
        guard let timing = evaluator.evaluate(unit: unit, day: day, stops: stops) else { return nil }
        return Result(stops: stops, starts: starts, timing: timing)
    }

    /// The earliest start of a floating capture: site open, the patient free (`patientBusy`: the
    /// patient's bookings off this route, nil when none; the pass orders those on it), inside
    /// the day, and before its review within the delay.
    private func floatingStart(_ item: Item, notBefore: Int, site: Int, patientBusy: BusyList?) -> Int? {
        let model = problem.requests[item.request]
        let day = problem.dayIndex(ofTick: notBefore)
        var limit = problem.timeline.dayRange(ofDay: day).end
        var lowest = max(notBefore, model.earliestStart)
        if let review = item.review {
            limit = min(limit, review.start)
            // The review window's end ≥ review.end, with end = start + duration.
            lowest = max(lowest, review.end - problem.reviewSpan[day] - item.duration)
        }
        let query = FitQuery(
            duration: item.duration, siteOpen: problem.sites[site].open,
            patientBusy: patientBusy)
        guard let start = query.earliest(notBefore: lowest, notAfterEnd: limit) else { return nil }
        if let review = item.review,
            WithinHorizon.reviewWindow(captureEnd: start + item.duration, in: problem).end < review.end
        {
            return nil
        }
        return start
    }
}
