/// The search's working solution: who holds which request, and every resource's occupancy,
/// kept in step by ``place(_:_:)`` and ``remove(_:)`` so that a feasibility test never rescans
/// the whole plan.
struct SolutionState: Sendable {
    let problem: SchedulingProblem
    private(set) var placements: [Placement?]
    private(set) var isPinned: [Bool]
    var specialistBusy: [BusyList]
    /// `[specialist][day]`: intervals starting that day.
    var specialistDayCount: [[Int]]
    /// Site-hosted bookings per site, for rooms.
    var siteBusy: [BusyList]
    var patientBusy: [BusyList]
    /// `[unit][day]`.
    private(set) var routes: [[Route]]
    /// `[unit][day]`: timing of each non-empty route day, refreshed on every change to it.
    private(set) var timings: [[RouteTiming?]]
    /// `[unit][day]`: the day's time bounds for new stops, refreshed on every change to it.
    private(set) var slacks: [[RouteSlack?]]

    /// A solution holding only the pinned facts; with `pinning: false`, without the confirmed
    /// bookings either (the explainer's "would it fit if nothing were booked?").
    init(problem: SchedulingProblem, pinning: Bool = true) {
        self.problem = problem
        let days = problem.timeline.dayCount
        placements = Array(repeating: nil, count: problem.requests.count)
        isPinned = Array(repeating: false, count: problem.requests.count)
        specialistBusy = Array(repeating: BusyList(), count: problem.specialists.count)
        specialistDayCount = Array(repeating: Array(repeating: 0, count: days), count: problem.specialists.count)
        siteBusy = Array(repeating: BusyList(), count: problem.sites.count)
        patientBusy = Array(repeating: BusyList(), count: problem.patientCount)
        routes = problem.units.map { unit in
            unit.days.map { day in
                Route(
                    stops: (day?.recurringStops ?? []).map {
                        Route.Stop(site: $0.site, pinnedWindow: TickInterval(start: $0.arrival, end: $0.departure))
                    })
            }
        }
        timings = Array(repeating: Array(repeating: nil, count: days), count: problem.units.count)
        slacks = Array(repeating: Array(repeating: nil, count: days), count: problem.units.count)
        for unit in problem.units.indices {
            for day in 0..<days where problem.units[unit].days[day] != nil {
                setRoute(routes[unit][day], unit: unit, day: day)
            }
        }
        for pinned in problem.pinned where pinning {
            isPinned[pinned.request] = true
            place(pinned.request, pinned.placement)
        }
    }

    /// This solution for `problem`, which is this one's problem with requests appended
    /// (``SchedulingProblem/appending(_:)``): the new requests start unplaced.
    init(extending base: SolutionState, to problem: SchedulingProblem) {
        precondition(problem.requests.count >= base.problem.requests.count, "a problem can only grow")
        self.problem = problem
        let added = problem.requests.count - base.problem.requests.count
        placements = base.placements + Array(repeating: nil, count: added)
        isPinned = base.isPinned + Array(repeating: false, count: added)
        specialistBusy = base.specialistBusy
        specialistDayCount = base.specialistDayCount
        siteBusy = base.siteBusy
        patientBusy =
            base.patientBusy + Array(repeating: BusyList(), count: problem.patientCount - base.problem.patientCount)
        routes = base.routes
        timings = base.timings
        slacks = base.slacks
    }

    var assignedCount: Int { placements.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Places an option: first moves the bookings it re-times, then places its request.
    mutating func place(_ request: Int, option: InsertionOption) {
        for (other, start) in option.retimed.sorted(by: { $0.key < $1.key }) { retime(other, start: start) }
        place(request, option.placement)
    }

    /// Moves a floating unit-hosted capture to a new start on the same unit day.
    mutating func retime(_ request: Int, start: Int) {
        guard var placement = placements[request], let unit = placement.unit, placement.start != start else { return }
        let duration = placement.end - placement.start
        placement.start = start
        placement.end = start + duration
        placements[request] = placement
        let patient = problem.requests[request].patient
        patientBusy[patient].remove(owner: request)
        patientBusy[patient].insert(placement.siteInterval, owner: request)
        var route = routes[unit][placement.day]
        for index in route.stops.indices {
            guard let at = route.stops[index].bookings.firstIndex(where: { $0.owner == request }) else { continue }
            route.stops[index].bookings[at].interval = placement.siteInterval
            route.stops[index].bookings.sort { $0.interval < $1.interval }
        }
        routes[unit][placement.day] = route
    }

    mutating func place(_ request: Int, _ placement: Placement) {
        precondition(RequestOnce.isUnplaced(request, in: self), "request \(request) is already placed")
        let model = problem.requests[request]
        placements[request] = placement
        if let specialist = placement.specialist {
            specialistBusy[specialist].insert(placement.specialistInterval, owner: request)
            specialistDayCount[specialist][problem.dayIndex(ofTick: placement.specialistInterval.start)] += 1
        }
        patientBusy[model.patient].insert(placement.siteInterval, owner: request)
        if let unit = placement.unit {
            var route = routes[unit][placement.day]
            let entry = BusyList.Entry(interval: placement.siteInterval, owner: request)
            if let index = route.stopIndex(ofSite: model.site) {
                route.stops[index].bookings.append(entry)
                route.stops[index].bookings.sort { $0.interval < $1.interval }
            } else {
                route.stops.append(Route.Stop(site: model.site, bookings: [entry]))
            }
            route.stops.sort {
                $0.window(setup: problem.units[unit].setup).start < $1.window(setup: problem.units[unit].setup).start
            }
            setRoute(route, unit: unit, day: placement.day)
        } else {
            siteBusy[model.site].insert(placement.siteInterval, owner: request)
        }
    }

    /// Takes `request` out with the later occurrences of its care series (``SeriesSpacing``), last
    /// first, and returns every request taken out; nothing when it is pinned or anchors a pinned
    /// occurrence. The one way out of a solution, so every ruin, eviction and relaxation keeps
    /// the series rule.
    @discardableResult
    mutating func remove(_ request: Int) -> [Int] {
        guard placements[request] != nil, PinnedUnchanged.mayMove(request, in: self),
            SeriesSpacing.mayRemove(request, in: self)
        else { return [] }
        let removed = [request] + SeriesSpacing.followers(of: request, in: self)
        for occurrence in removed.reversed() { release(occurrence) }
        return removed
    }

    private mutating func release(_ request: Int) {
        guard let placement = placements[request] else { return }
        let model = problem.requests[request]
        placements[request] = nil
        if let specialist = placement.specialist {
            specialistBusy[specialist].remove(owner: request)
            specialistDayCount[specialist][problem.dayIndex(ofTick: placement.specialistInterval.start)] -= 1
        }
        patientBusy[model.patient].remove(owner: request)
        if let unit = placement.unit {
            var route = routes[unit][placement.day]
            if let index = route.stopIndex(ofSite: model.site) {
                route.stops[index].bookings.removeAll { $0.owner == request }
                if route.stops[index].bookings.isEmpty && route.stops[index].pinnedWindow == nil {
                    route.stops.remove(at: index)
                }
            }
            setRoute(route, unit: unit, day: placement.day)
        } else {
            siteBusy[model.site].remove(owner: request)
        }
    }

    /// Puts a unit day's stops back in time order after re-timing and refreshes its timing and
    /// slack (``retime(_:start:)`` leaves both to the placement that follows it).
    mutating func refresh(unit: Int, day: Int) {
        var route = routes[unit][day]
        let setup = problem.units[unit].setup
        route.stops.sort { $0.window(setup: setup).start < $1.window(setup: setup).start }
        setRoute(route, unit: unit, day: day)
    }

    private mutating func setRoute(_ route: Route, unit: Int, day: Int) {
        routes[unit][day] = route
        timings[unit][day] =
            route.isEmpty ? nil : UnitRouteFeasible(problem: problem).evaluate(unit: unit, day: day, stops: route.stops)
        slacks[unit][day] = RouteSlack(
            problem: problem, unit: unit, day: day, sequence: schedulerSequence(unit: unit, day: day))
    }

    /// The unit day as ``RouteScheduler`` takes it: unpinned `async` captures and `crew` work
    /// float, everything else keeps its start.
    func schedulerSequence(unit: Int, day: Int) -> [(
        site: Int, pinnedWindow: TickInterval?, items: [RouteScheduler.Item]
    )] {
        routes[unit][day].stops.map { stop in
            (
                site: stop.site, pinnedWindow: stop.pinnedWindow,
                items: stop.bookings.map { entry in
                    let placement = placements[entry.owner]!
                    let floating =
                        problem.requests[entry.owner].mode != .live && PinnedUnchanged.mayMove(entry.owner, in: self)
                    return RouteScheduler.Item(
                        request: entry.owner, duration: placement.end - placement.start,
                        anchoredStart: floating ? nil : placement.start, review: floating ? placement.review : nil)
                }
            )
        }
    }
}
