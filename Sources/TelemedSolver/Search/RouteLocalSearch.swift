import TelemedCore

/// A descent on the unit days of the days a move touched: relocate a stop next to one of its
/// nearest neighbours (PyVRP's Exchange10), or swap two routes' tails so that a stop is followed
/// by a neighbour (2-opt*, PyVRP's SwapTails). Ruin and recreate rebuild a few requests at a
/// time; these moves shorten what recreate left, and the tail swaps reshape two long routes at
/// once, which one request at a time rarely does.
///
/// Only stops whose bookings all float (`async` captures and `crew` work, re-timed by
/// ``RouteScheduler``) move, and only between units of the same day; a move's gain is counted in
/// driving and it is applied only when ``RouteScheduler`` times every changed day and the day's
/// driving drops. Requests that are pinned, in a care series, seen by staff (stability counts
/// their moves) or whose patient has another booking stay where they are, and a move that would
/// re-time a seen booking on a changed day is not made, so no other term of the objective can
/// change.
struct RouteLocalSearch {
    let problem: SchedulingProblem
    let scheduler: RouteScheduler
    /// Per site, the nearest sites that hold floating requests, nearest first.
    let neighbours: [[Int]]

    static let neighbourCount = 12

    init(problem: SchedulingProblem, scheduler: RouteScheduler) {
        self.problem = problem
        self.scheduler = scheduler
        let floating = Set(problem.requests.enumerated().filter { $0.element.mode != .live }.map(\.element.site))
        let sites = floating.sorted()
        var lists = Array(repeating: [Int](), count: problem.sites.count)
        for site in sites {
            let place = problem.sites[site].place
            // Partial selection: a few neighbours among possibly thousands of sites.
            var nearest: [(ticks: Int, site: Int)] = []
            for other in sites where other != site {
                let entry = (problem.travel.ticks(place, problem.sites[other].place), other)
                if nearest.count == Self.neighbourCount, entry >= nearest[nearest.count - 1] { continue }
                let index = nearest.firstIndex { entry < $0 } ?? nearest.count
                nearest.insert(entry, at: index)
                if nearest.count > Self.neighbourCount { nearest.removeLast() }
            }
            lists[site] = nearest.map(\.site)
        }
        neighbours = lists
    }

    typealias Sequence = [(site: Int, pinnedWindow: TickInterval?, items: [RouteScheduler.Item])]

    /// One unit day as the descent sees it: its sequence, the places it visits and the driving
    /// from the base to each stop, so that a move's gain is known in O(1) before anything is built.
    private struct Day {
        var unit: Int
        var sequence: Sequence
        var places: [Int] = []
        var depot: Int = 0
        /// `reach[k]`: driving from the base to stop k along the route.
        var reach: [Double] = []
        /// `movable[k]`: stop k may change place.
        var movable: [Bool] = []
        /// `carried[k]`: the load of stops 0 through k−1 (`carried[count]`: the day's load).
        var carried: [Int] = [0]
        var capacity = 0

        /// The load of stops `range`.
        func load(_ range: Range<Int>) -> Int { carried[range.upperBound] - carried[range.lowerBound] }

        /// Driving of the whole day.
        func total(_ travel: TravelMatrix) -> Double {
            places.isEmpty ? 0 : reach[places.count - 1] + travel.exactMinutes(places[places.count - 1], depot)
        }

        func place(before position: Int) -> Int { position == 0 ? depot : places[position - 1] }
        func place(after position: Int) -> Int { position + 1 < places.count ? places[position + 1] : depot }
    }

    private func view(unit: Int, day: Int, _ state: SolutionState) -> Day {
        var route = Day(unit: unit, sequence: state.schedulerSequence(unit: unit, day: day))
        route.depot = problem.units[unit].place
        route.places = route.sequence.map { problem.sites[$0.site].place }
        var place = route.depot
        var driven = 0.0
        for next in route.places {
            driven += problem.travel.exactMinutes(place, next)
            route.reach.append(driven)
            place = next
        }
        route.movable = route.sequence.map { movable($0, state: state) }
        for stop in route.sequence {
            route.carried.append(route.carried.last! + stop.items.reduce(0) { $0 + problem.requests[$1.request].load })
        }
        route.capacity = problem.units[unit].capacity
        return route
    }

    /// Improves the unit days of `days` until no move shortens them, in a random order of stops.
    func improve(days: Set<Int>, in state: inout SolutionState, rng: inout SeededRandomNumberGenerator) {
        for day in days.sorted() { descend(day: day, in: &state, rng: &rng) }
    }

    /// Passes over the day's stops, each trying its neighbours, applying the first move that
    /// shortens the day and going on with the next stop, until a pass changes nothing.
    private func descend(day: Int, in state: inout SolutionState, rng: inout SeededRandomNumberGenerator) {
        var routes = problem.units.indices.filter {
            problem.units[$0].days[day] != nil && !state.routes[$0][day].isEmpty
        }.map { view(unit: $0, day: day, state) }
        guard !routes.isEmpty else { return }
        // Where each site's stop is.
        var at = [Int: (route: Int, position: Int)]()
        func locate(_ route: Int) {
            for (position, stop) in routes[route].sequence.enumerated() { at[stop.site] = (route, position) }
        }
        for route in routes.indices { locate(route) }
        let sites = at.keys.sorted()
        for _ in 0..<Self.passes {
            var changed = false
            for site in rng.shuffled(sites) {
                let from = at[site]!
                guard routes[from.route].movable[from.position] else { continue }
                for neighbour in neighbours[site] {
                    guard let to = at[neighbour] else { continue }
                    guard
                        relocate(from: from, after: to, routes, day: day, &state)
                            || swapTails(from: from, to: to, routes, day: day, &state)
                    else { continue }
                    for route in Set([from.route, to.route]) {
                        routes[route] = view(unit: routes[route].unit, day: day, state)
                        locate(route)
                    }
                    changed = true
                    break
                }
            }
            if !changed { return }
        }
    }

    /// At most this many passes per day and call: a repair leaves a few moves to make, not hundreds.
    static let passes = 10

    private func movable(
        _ stop: (site: Int, pinnedWindow: TickInterval?, items: [RouteScheduler.Item]), state: SolutionState
    ) -> Bool {
        stop.pinnedWindow == nil
            && stop.items.allSatisfy { item in
                let request = item.request
                return item.anchoredStart == nil && !state.isPinned[request]
                    && problem.requests[request].series == nil && problem.incumbent.place(of: request) == nil
                    && state.patientBusy[problem.requests[request].patient].entries.count == 1
            }
    }

    private func hostable(_ stops: some Swift.Sequence<Sequence.Element>, by unit: Int) -> Bool {
        stops.allSatisfy { stop in stop.items.allSatisfy { problem.unitsThatMayHost($0.request).contains(unit) } }
    }

    /// Moves the stop at `from` right after the stop at `to` (Exchange10).
    private func relocate(
        from: (route: Int, position: Int), after to: (route: Int, position: Int), _ routes: [Day], day: Int,
        _ state: inout SolutionState
    ) -> Bool {
        let source = routes[from.route]
        let target = routes[to.route]
        if from.route == to.route && (from.position == to.position + 1 || from.position == to.position) {
            return false
        }
        let travel = problem.travel
        let moved = source.places[from.position]
        let previous = source.place(before: from.position)
        let next = source.place(after: from.position)
        let saved =
            travel.exactMinutes(previous, moved) + travel.exactMinutes(moved, next)
            - travel.exactMinutes(previous, next)
        let anchor = target.places[to.position]
        let follower = target.place(after: to.position)
        let added =
            travel.exactMinutes(anchor, moved) + travel.exactMinutes(moved, follower)
            - travel.exactMinutes(anchor, follower)
        guard added - saved < -1e-6 else { return false }
        let stop = source.sequence[from.position]
        guard
            from.route == to.route
                || target.load(0..<target.places.count) + source.load(from.position..<(from.position + 1))
                    <= target.capacity,
            fits(stop, routes: target, day: day, at: to.position + 1, state), hostable([stop], by: target.unit),
            from.route == to.route || !target.sequence.contains(where: { $0.site == stop.site })
        else { return false }
        var shortened = source.sequence
        shortened.remove(at: from.position)
        if from.route == to.route {
            shortened.insert(stop, at: to.position + (from.position < to.position ? 0 : 1))
            return apply([(source.unit, shortened)], replacing: [source], day, &state)
        }
        var lengthened = target.sequence
        lengthened.insert(stop, at: to.position + 1)
        return apply([(source.unit, shortened), (target.unit, lengthened)], replacing: [source, target], day, &state)
    }

    /// Swaps two routes' tails so that the stop at `from` is followed by the one at `to` (2-opt*).
    private func swapTails(
        from: (route: Int, position: Int), to: (route: Int, position: Int), _ routes: [Day], day: Int,
        _ state: inout SolutionState
    ) -> Bool {
        guard from.route != to.route else { return false }
        let first = routes[from.route]
        let second = routes[to.route]
        let travel = problem.travel
        let u = first.places[from.position]
        // New first route: its head to `u`, then the second's tail from `to`, home to its own base.
        let secondLast = second.places.count - 1
        let newFirst =
            first.reach[from.position] + travel.exactMinutes(u, second.places[to.position])
            + (second.reach[secondLast] - second.reach[to.position])
            + travel.exactMinutes(second.places[secondLast], first.depot)
        // New second route: its head before `to`, then the first's tail after `from`.
        let head = to.position == 0 ? 0 : second.reach[to.position - 1]
        let headEnd = second.place(before: to.position)
        let firstLast = first.places.count - 1
        let newSecond: Double
        if from.position < firstLast {
            newSecond =
                head + travel.exactMinutes(headEnd, first.places[from.position + 1])
                + (first.reach[firstLast] - first.reach[from.position + 1])
                + travel.exactMinutes(first.places[firstLast], second.depot)
        } else {
            newSecond = to.position == 0 ? 0 : head + travel.exactMinutes(headEnd, second.depot)
        }
        guard newFirst + newSecond < first.total(travel) + second.total(travel) - 1e-6 else { return false }
        let firstCount = first.places.count
        let secondCount = second.places.count
        guard
            first.load(0..<(from.position + 1)) + second.load(to.position..<secondCount) <= first.capacity,
            second.load(0..<to.position) + first.load((from.position + 1)..<firstCount) <= second.capacity,
            joins(first, from.position, second, to.position, day: day, state),
            from.position + 1 == first.places.count
                || joins(second, to.position - 1, first, from.position + 1, day: day, state)
        else { return false }
        let firstTail = first.sequence[(from.position + 1)...]
        let secondTail = second.sequence[to.position...]
        guard first.movable[(from.position + 1)...].allSatisfy({ $0 }),
            second.movable[to.position...].allSatisfy({ $0 }),
            hostable(firstTail, by: second.unit), hostable(secondTail, by: first.unit)
        else { return false }
        return apply(
            [
                (first.unit, Array(first.sequence[...from.position]) + secondTail),
                (second.unit, Array(second.sequence[..<to.position]) + firstTail),
            ], replacing: [first, second], day, &state)
    }

    /// Whether a one-booking stop can go before stop `position` of a unit day, by the day's
    /// ``RouteSlack`` (a necessary condition: it spares the scheduler moves whose time windows
    /// cannot work). Stops of several bookings and days without bounds are left to the scheduler.
    private func fits(
        _ stop: Sequence.Element, routes route: Day, day: Int, at position: Int, _ state: SolutionState
    ) -> Bool {
        guard stop.items.count == 1, let slack = state.slacks[route.unit][day] else { return true }
        let site = problem.sites[stop.site]
        return slack.admits(
            place: site.place, open: site.open, duration: stop.items[0].duration,
            earliestStart: problem.requests[stop.items[0].request].earliestStart, at: position, travel: problem.travel)
    }

    /// Whether the unit can leave stop `from` of `first` (−1: its base) and reach stop `to` of
    /// `second` in time, by both days' ``RouteSlack``, when the two units share base and shift (a
    /// tail then keeps its bounds; otherwise the scheduler judges). Necessary, as ``fits``.
    private func joins(_ first: Day, _ from: Int, _ second: Day, _ to: Int, day: Int, _ state: SolutionState) -> Bool {
        // Two bases zero minutes apart count as one (an import may give each vehicle its own).
        guard let a = state.slacks[first.unit][day], let b = state.slacks[second.unit][day], a.shift == b.shift,
            problem.travel.ticks(a.depot, b.depot) == 0, problem.travel.ticks(b.depot, a.depot) == 0
        else { return true }
        let departs = from < 0 ? a.shift.start : a.earliestDeparture[from]
        let place = from < 0 ? a.depot : a.places[from]
        return departs + problem.travel.ticks(place, b.places[to]) <= b.latestArrival[to]
    }

    /// Schedules the new sequences and applies them when every one is feasible, no site appears
    /// twice on a unit day, and the driving drops.
    private func apply(
        _ changed: [(unit: Int, sequence: Sequence)], replacing old: [Day], _ day: Int, _ state: inout SolutionState
    ) -> Bool {
        let before = old.reduce(0.0) { $0 + (state.timings[$1.unit][day]?.exactDrivingMinutes ?? 0) }
        var timed: [(unit: Int, starts: [(request: Int, start: Int)])] = []
        var after = 0.0
        for route in changed {
            guard Set(route.sequence.map(\.site)).count == route.sequence.count else { return false }
            if route.sequence.isEmpty {
                timed.append((route.unit, []))
                continue
            }
            guard let result = scheduler.schedule(unit: route.unit, day: day, sequence: route.sequence, state: state),
                // A booking staff have seen keeps its time: stability would count the move.
                result.starts.allSatisfy({ request, start in
                    state.placements[request]?.start == start || problem.incumbent.place(of: request) == nil
                })
            else { return false }
            timed.append((route.unit, result.starts))
            after += result.timing.exactDrivingMinutes
        }
        guard after < before - 1e-6 else { return false }
        var candidate = state
        candidate.rearrange(day: day, routes: timed)
        // The state's own evaluation is the judge: every changed day timed, and shorter.
        let applied = changed.reduce(0.0) { $0 + (candidate.timings[$1.unit][day]?.exactDrivingMinutes ?? 0) }
        guard
            changed.allSatisfy({
                candidate.routes[$0.unit][day].isEmpty || candidate.timings[$0.unit][day] != nil
            }), applied < before - 1e-6
        else { return false }
        state = candidate
        return true
    }
}
