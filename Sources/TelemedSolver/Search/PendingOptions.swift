/// The cached options of the requests regret insertion has still to place, indexed by the
/// resources they would take: a unit day, a specialist's day, a site's rooms on a day, a patient.
/// After a placement, only the requests indexed under what it took can have options it affects,
/// so the exact test (``TouchedResources``) runs on those alone instead of on every pending
/// request: construction stays linear in the requests where it was quadratic.
struct PendingOptions {
    private enum Resource: Hashable {
        case unitDay(unit: Int, day: Int)
        case specialistDay(specialist: Int, day: Int)
        case siteDay(site: Int, day: Int)
        case patient(Int)
    }

    let problem: SchedulingProblem
    private var options: [Int: [InsertionOption]] = [:]
    private var version: [Int: Int] = [:]
    private var holders: [Resource: Set<Int>] = [:]
    /// Requests whose cached options may no longer hold, kept for a refresh when drawn
    /// (``RegretInsertion/Refresh/whenDrawn(classSize:)``).
    private var stale: Set<Int> = []

    func isStale(_ request: Int) -> Bool { stale.contains(request) }
    mutating func markStale(_ request: Int) { stale.insert(request) }

    init(problem: SchedulingProblem) { self.problem = problem }

    func contains(_ request: Int) -> Bool { options[request] != nil }

    /// The request's cached options, best first (empty when it has none).
    func options(of request: Int) -> [InsertionOption] { options[request] ?? [] }

    /// Whether `entry` is the request's latest queue entry and the request is still pending.
    func isCurrent(_ entry: RegretQueue.Entry) -> Bool {
        options[entry.request] != nil && version[entry.request] == entry.version
    }

    /// Caches the request's new options and returns its queue entry (nil without an option).
    mutating func set(_ request: Int, _ newOptions: [InsertionOption]) -> RegretQueue.Entry? {
        unindex(request)
        stale.remove(request)
        options[request] = newOptions
        let next = (version[request] ?? 0) + 1
        version[request] = next
        guard let best = newOptions.first else { return nil }
        for resource in resources(of: request, newOptions) { holders[resource, default: []].insert(request) }
        let regret = newOptions.count > 1 ? newOptions[1].cost - best.cost : RegretInsertion.singleOptionRegret
        return RegretQueue.Entry(regret: regret, cost: best.cost, request: request, version: next)
    }

    mutating func remove(_ request: Int) {
        unindex(request)
        options[request] = nil
    }

    /// Pending requests holding an option on a resource `touched`'s placement took or moved,
    /// in request order: a superset of those whose options it affects.
    func candidates(_ touched: TouchedResources) -> [Int] {
        var found = Set<Int>()
        for resource in resources(of: touched.placed, touched.placement) + touched.movedPatients.map(Resource.patient) {
            found.formUnion(holders[resource] ?? [])
        }
        return found.sorted()
    }

    private mutating func unindex(_ request: Int) {
        for resource in resources(of: request, options(of: request)) { holders[resource]?.remove(request) }
    }

    private func resources(of request: Int, _ options: [InsertionOption]) -> [Resource] {
        options.flatMap { resources(of: request, $0.placement) }
    }

    private func resources(of request: Int, _ placement: Placement) -> [Resource] {
        var resources: [Resource] = [.patient(problem.requests[request].patient)]
        if let unit = placement.unit {
            resources.append(.unitDay(unit: unit, day: placement.day))
        } else {
            resources.append(.siteDay(site: problem.requests[request].site, day: placement.day))
        }
        if let specialist = placement.specialist {
            let interval = placement.specialistInterval
            let days =
                problem.dayIndex(
                    ofTick: interval.start)...problem.dayIndex(ofTick: max(interval.start, interval.end - 1))
            resources += days.map { .specialistDay(specialist: specialist, day: $0) }
        }
        return resources
    }
}
