/// Regret insertion: urgency class by urgency class (served weight is the first objective), place
/// the request whose best option is most ahead of its best option on another resource (regret-2),
/// so the requests with one good choice get it before others take it.
///
/// Cached options stay exact: after each placement, only the requests whose cached options use a
/// resource the placement touched (specialist, patient, site rooms, unit day) are re-evaluated.
struct RegretInsertion {
    let search: InsertionSearch

    /// Regret given to a request with a single option: it goes first.
    static let singleOptionRegret = 1e9

    func insert(_ requests: [Int], into state: inout SolutionState) {
        let byWeight = Dictionary(grouping: requests.filter { state.placements[$0] == nil }) {
            search.problem.requests[$0].servedWeight
        }
        for weight in byWeight.keys.sorted(by: >) {
            insertClass(byWeight[weight]!.sorted(), into: &state)
        }
    }

    private func insertClass(_ requests: [Int], into state: inout SolutionState) {
        var pending = requests
        var cache: [Int: [InsertionOption]] = [:]
        for request in pending { cache[request] = search.options(for: request, in: state) }
        while !pending.isEmpty {
            var chosen = -1
            var chosenRegret = -Double.infinity
            var chosenCost = Double.infinity
            var unplaceable: [Int] = []
            for (position, request) in pending.enumerated() {
                let options = cache[request]!
                guard let best = options.first else {
                    unplaceable.append(position)
                    continue
                }
                let regret = options.count > 1 ? options[1].cost - best.cost : Self.singleOptionRegret
                if regret > chosenRegret || (regret == chosenRegret && best.cost < chosenCost) {
                    chosen = position
                    chosenRegret = regret
                    chosenCost = best.cost
                }
            }
            // Requests with no option cannot gain one while the solution only fills up.
            for position in unplaceable.reversed() { pending.remove(at: position) }
            guard chosen >= 0 else { break }
            let request = pending[chosen - unplaceable.filter { $0 < chosen }.count]
            let option = cache[request]![0]
            state.place(request, option: option)
            pending.removeAll { $0 == request }
            cache[request] = nil
            let touched = TouchedResources(problem: search.problem, request: request, option: option)
            for other in pending where cache[other]!.contains(where: { touched.affects(other, $0.placement) }) {
                cache[other] = search.options(for: other, in: state)
            }
        }
    }
}

/// The resources one placement occupies; an option that shares none of them is unaffected.
struct TouchedResources {
    let problem: SchedulingProblem
    let specialist: Int
    /// The placed request's patient, and those of the bookings it re-timed.
    let patients: Set<Int>
    let site: Int
    let unitDay: (unit: Int, day: Int)?

    init(problem: SchedulingProblem, request: Int, option: InsertionOption) {
        self.problem = problem
        let placement = option.placement
        specialist = placement.specialist
        patients = Set([request] + option.retimed.keys).map { problem.requests[$0].patient }.reduce(into: []) {
            $0.insert($1)
        }
        site = problem.requests[request].site
        unitDay = placement.unit.map { ($0, placement.day) }
    }

    func affects(_ request: Int, _ placement: Placement) -> Bool {
        if placement.specialist == specialist || patients.contains(problem.requests[request].patient) { return true }
        if let unitDay, placement.unit == unitDay.unit, placement.day == unitDay.day { return true }
        return unitDay == nil && placement.unit == nil && problem.requests[request].site == site
    }
}
