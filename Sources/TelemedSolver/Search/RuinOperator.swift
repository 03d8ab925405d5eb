import TelemedCore

/// The "destroy" half of a large-neighbourhood move: take some requests out of the solution so a
/// repair can place them (and others) better.
enum RuinOperator: Int, CaseIterable, Sendable {
    /// Any requests, uniformly.
    case random
    /// The requests that cost the most where they are (late, off their specialist, far detours).
    case worst
    /// Requests close to a seed (same site, specialist, day or specialty, nearby sites, close
    /// times); the seed is often an unassigned request, so the ones blocking it make room.
    case related
    /// Everything a unit does on one day, so the day can be rebuilt.
    case unitDay
    /// Runs of consecutive stops from the unit days that pass near a seed site (the string
    /// removal of Christiaens & Vanden Berghe's SISR): room for routes to cross over and reorder.
    case strings
    /// What stands where an unassigned request would go alone; that request is placed first.
    case blocking
}

struct Ruin {
    let problem: SchedulingProblem
    let search: InsertionSearch
    /// Where each request would go with only pinned facts planned (nil when it cannot go anywhere).
    let lonePlacement: [Placement?]
    /// Mean driving time between two sites, in ticks: what "nearby" is measured against.
    let typicalTravel: Double

    init(problem: SchedulingProblem, search: InsertionSearch, lonePlacement: [Placement?]) {
        self.problem = problem
        self.search = search
        self.lonePlacement = lonePlacement
        let places = problem.sites.map(\.place)
        var total = 0.0
        for from in places {
            for to in places { total += Double(problem.travel.ticks(from, to)) }
        }
        typicalTravel = max(1, total / Double(max(1, places.count * (places.count - 1))))
    }

    /// Removes about `count` requests and returns the ones removed. `blocking` also places the
    /// unassigned request it made room for.
    func apply(
        _ ruin: RuinOperator, count: Int, to state: inout SolutionState, rng: inout SeededRandomNumberGenerator
    ) -> [Int] {
        if ruin == .blocking { return makeRoom(in: &state, rng: &rng) }
        let movable = state.placements.indices.filter {
            !RequestOnce.isUnplaced($0, in: state) && PinnedUnchanged.mayMove($0, in: state)
        }
        guard !movable.isEmpty else { return [] }
        let chosen: [Int]
        switch ruin {
        case .random:
            chosen = Array(rng.shuffled(movable).prefix(count))
        case .worst:
            // Each contribution once: computed inside the comparison it ran n log n times, and
            // the sort took a third of an iteration on half a year of demand.
            let ranked = movable.map { (contribution($0, state), $0) }
                .sorted { ($0.0, $1.1) > ($1.0, $0.1) }.map(\.1)
            chosen = randomizedPrefix(ranked, count: count, rng: &rng)
        case .related:
            let unassigned = state.placements.indices.filter { RequestOnce.isUnplaced($0, in: state) }
            let seed =
                !unassigned.isEmpty && rng.chance(0.6)
                ? unassigned[rng.int(below: unassigned.count)] : movable[rng.int(below: movable.count)]
            let ranked = movable.filter { $0 != seed }.map { (relatedness(seed, $0, state), $0) }
                .sorted { ($0.0, $1.1) > ($1.0, $0.1) }.map(\.1)
            chosen = randomizedPrefix(ranked, count: count, rng: &rng)
        case .unitDay:
            var days: [(unit: Int, day: Int)] = []
            for (unit, routes) in state.routes.enumerated() {
                for (day, route) in routes.enumerated() where route.hostedCount > 0 { days.append((unit, day)) }
            }
            guard !days.isEmpty else { return [] }
            let pick = days[rng.int(below: days.count)]
            chosen = UnitRouteFeasible.hosted(unit: pick.unit, day: pick.day, in: state)
                .filter { PinnedUnchanged.mayMove($0, in: state) }
        case .strings:
            chosen = strings(count: count, in: state, rng: &rng)
        case .blocking:
            preconditionFailure("blocking makes room through makeRoom(in:rng:) before any removal")
        }
        return chosen.flatMap { state.remove($0) }
    }

    /// Picks an unassigned request that fits alone, evicts what stands where it would go, and
    /// places it first; the evicted requests are returned for the repair.
    private func makeRoom(in state: inout SolutionState, rng: inout SeededRandomNumberGenerator) -> [Int] {
        let waiting = state.placements.indices.filter {
            RequestOnce.isUnplaced($0, in: state) && lonePlacement[$0] != nil
        }
        guard !waiting.isEmpty else { return [] }
        let target = waiting[rng.int(below: waiting.count)]
        let removed = evictBlockers(of: target, placement: lonePlacement[target]!, from: &state)
        if let option = search.options(for: target, in: state, keep: 1).first {
            state.place(target, option: option)
        }
        return removed
    }

    /// Removes every movable request that collides with `placement` of `request` under a rule:
    /// on the specialist's time or day, the patient's time, the site's rooms, or the unit day it
    /// needs. Candidates come from the resources' busy lists; the rules judge them.
    private func evictBlockers(of request: Int, placement: Placement, from state: inout SolutionState) -> [Int] {
        let model = problem.requests[request]
        var blockers = Set<Int>()
        func placed(_ entry: BusyList.Entry) -> Placement { state.placements[entry.owner]! }
        if let specialist = placement.specialist {
            for entry in state.specialistBusy[specialist].entries
            where SpecialistNoOverlap.collides(placed(entry), placement) {
                blockers.insert(entry.owner)
            }
        }
        for entry in state.patientBusy[model.patient].entries
        where PatientNoOverlap.collides(placed(entry), patient: model.patient, placement, patient: model.patient) {
            blockers.insert(entry.owner)
        }
        if let unit = placement.unit {
            blockers.formUnion(UnitRouteFeasible.hosted(unit: unit, day: placement.day, in: state))
        } else {
            for entry in state.siteBusy[model.site].entries
            where RoomFree.collides(placed(entry), at: model.site, placement, at: model.site) {
                blockers.insert(entry.owner)
            }
        }
        let dayStart = placement.specialistInterval.start
        if let specialist = placement.specialist, SpecialistDailyMax.isFull(specialist, onDayOf: dayStart, in: state),
            let last = SpecialistDailyMax.bookings(of: specialist, onDayOf: dayStart, in: state).last
        {
            blockers.insert(last.owner)
        }
        return blockers.filter { PinnedUnchanged.mayMove($0, in: state) }.sorted().flatMap { state.remove($0) }
    }

    /// Consecutive stops of the unit days that visit the sites nearest a random unit-hosted
    /// request's site, one run per day, until about `count` requests are out.
    private func strings(count: Int, in state: SolutionState, rng: inout SeededRandomNumberGenerator) -> [Int] {
        let hosted = state.placements.indices.filter {
            state.placements[$0]?.unit != nil && PinnedUnchanged.mayMove($0, in: state)
        }
        guard !hosted.isEmpty else { return [] }
        let seed = problem.sites[problem.requests[hosted[rng.int(below: hosted.count)]].site].place
        // Unit days and stop positions by distance of the stop's site from the seed.
        var stops: [(distance: Int, unit: Int, day: Int, index: Int)] = []
        for (unit, days) in state.routes.enumerated() {
            for (day, route) in days.enumerated() {
                for (index, stop) in route.stops.enumerated() where stop.pinnedWindow == nil {
                    stops.append((problem.travel.ticks(seed, problem.sites[stop.site].place), unit, day, index))
                }
            }
        }
        stops.sort { ($0.distance, $0.unit, $0.day, $0.index) < ($1.distance, $1.unit, $1.day, $1.index) }
        var ruinedDays = Set<Int>()
        var chosen: [Int] = []
        let longest = max(2, count / 2)
        for stop in stops where chosen.count < count {
            let key = stop.unit * problem.timeline.dayCount + stop.day
            guard ruinedDays.insert(key).inserted else { continue }
            let route = state.routes[stop.unit][stop.day]
            let length = 1 + rng.int(below: min(longest, route.stops.count))
            // A run of `length` stops that contains the near stop, at a random offset.
            let first = max(0, min(route.stops.count - length, stop.index - rng.int(below: length)))
            for index in first..<(first + length) {
                chosen += route.stops[index].bookings.map(\.owner).filter { PinnedUnchanged.mayMove($0, in: state) }
            }
        }
        return chosen
    }

    /// Picks from the front of a ranked list with a bias (index = n·u³), as in Ropke & Pisinger.
    private func randomizedPrefix(_ ranked: [Int], count: Int, rng: inout SeededRandomNumberGenerator) -> [Int] {
        var pool = ranked
        var chosen: [Int] = []
        while chosen.count < count && !pool.isEmpty {
            let u = rng.nextUnit()
            let index = min(pool.count - 1, Int(Double(pool.count) * u * u * u))
            chosen.append(pool.remove(at: index))
        }
        return chosen
    }

    /// What a placed request costs where it is: its own soft cost plus its share of unit travel.
    func contribution(_ request: Int, _ state: SolutionState) -> Double {
        guard let placement = state.placements[request] else { return 0 }
        var cost = search.cost(request, placement, addedTravel: 0, in: state)
        if let unit = placement.unit, let timing = state.timings[unit][placement.day] {
            let hosted = max(1, state.routes[unit][placement.day].hostedCount)
            cost += search.travelWeight * timing.exactDrivingMinutes / Double(hosted)
        }
        return cost
    }

    func relatedness(_ seed: Int, _ other: Int, _ state: SolutionState) -> Double {
        let a = problem.requests[seed]
        let b = problem.requests[other]
        var score = 0.0
        if a.site == b.site { score += 4 }
        if a.patient == b.patient { score += 3 }
        // Nearby sites (Shaw's relatedness): up to 2 points, none beyond the typical distance.
        let apart = Double(problem.travel.ticks(problem.sites[a.site].place, problem.sites[b.site].place))
        score += 2 * max(0, 1 - apart / typicalTravel)
        if let pb = state.placements[other] {
            if let specialist = pb.specialist, a.specialists.contains(specialist) { score += 3 }
            if let pa = state.placements[seed] {
                if abs(pa.day - pb.day) <= 1 { score += 1 }
                if pa.unit != nil && pa.unit == pb.unit && pa.day == pb.day { score += 2 }
                // Close in time on the same day: up to 1 point within two hours.
                if pa.day == pb.day {
                    let hours = Double(abs(pa.start - pb.start)) / Double(problem.timeline.ticks(minutes: 120))
                    score += max(0, 1 - hours)
                }
            } else if abs(problem.dayIndex(ofTick: a.earliestStart) + 3 - pb.day) <= 3 {
                score += 1
            }
        }
        if a.department == b.department { score += 1 }
        return score
    }
}
