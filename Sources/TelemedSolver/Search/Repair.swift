import TelemedCore

/// The "repair" half of a large-neighbourhood move: put unassigned requests back.
enum RepairOperator: Int, CaseIterable, Sendable {
    /// One by one, each at its cheapest place, in one of ``Repair/Order``.
    case greedy
    /// Regret-2, most constrained first.
    case regret
    /// An idle unit day opened with one request far from the unit's base, then greedy.
    case openDay
}

/// The greedy repairs. Regret insertion is ``RegretInsertion``.
struct Repair {
    let problem: SchedulingProblem
    let search: InsertionSearch
    /// Per request, the driving time from the nearest base of a unit that may host it (0 when
    /// none may): what "far" means to a repair.
    let baseDistance: [Int]

    init(problem: SchedulingProblem, search: InsertionSearch) {
        self.problem = problem
        self.search = search
        baseDistance = problem.requests.indices.map { request in
            let place = problem.sites[problem.requests[request].site].place
            return problem.unitsThatMayHost(request).map { problem.travel.ticks(problem.units[$0].place, place) }.min()
                ?? 0
        }
    }

    /// The order in which greedy takes requests of equal served weight. Varying it is what lets
    /// a greedy repair build different routes from the same removed requests (Christiaens &
    /// Vanden Berghe's SISR: random, farthest first, closest first, with weights 4, 2, 1).
    enum Order: CaseIterable {
        case random
        case farthestFirst
        case closestFirst

        static let cumulativeWeights = [4.0, 6.0, 7.0]
    }

    /// Highest served weight first, then in `order` (random ties), each to its cheapest option;
    /// care series occurrences in their order, so each finds its predecessor placed.
    func greedy(
        _ requests: [Int], order: Order, into state: inout SolutionState, rng: inout SeededRandomNumberGenerator
    ) {
        func rank(_ request: Int) -> (Int, Int, Int) {
            let distance =
                switch order {
                case .random: 0
                case .farthestFirst: -baseDistance[request]
                case .closestFirst: baseDistance[request]
                }
            return (
                -problem.requests[request].servedWeight, distance,
                problem.scenario.requests[request].series?.index ?? 0
            )
        }
        let ordered = rng.shuffled(requests).sorted { rank($0) < rank($1) }
        for request in ordered where RequestOnce.isUnplaced(request, in: state) {
            if let option = search.options(for: request, in: state, keep: 1).first {
                state.place(request, option: option)
            }
        }
    }

    /// Greedy after opening one idle unit day. Cheapest insertion opens a day only when a single
    /// request costs less there than in any detour, so where driving is the cost, plans keep few
    /// long routes even when more, shorter ones would drive less. Here the day is opened with a
    /// request far from the unit's base (a seed, as in Solomon's I1 construction) and the greedy
    /// repair that follows may gather its neighbours around it; the acceptance test judges the
    /// result. Requests of the highest served weight only, so a seed never jumps the queue.
    func openDay(_ requests: [Int], into state: inout SolutionState, rng: inout SeededRandomNumberGenerator) {
        let waiting = requests.filter { RequestOnce.isUnplaced($0, in: state) && baseDistance[$0] > 0 }
        guard let heaviest = waiting.map({ problem.requests[$0].servedWeight }).max() else {
            return greedy(requests, order: .random, into: &state, rng: &rng)
        }
        // The requests of that weight, farthest first; one drawn with a bias towards the front.
        let seeds = waiting.filter { problem.requests[$0].servedWeight == heaviest }
            .sorted { (-baseDistance[$0], $0) < (-baseDistance[$1], $1) }
        let u = rng.nextUnit()
        let seed = seeds[min(seeds.count - 1, Int(Double(seeds.count) * u * u))]
        if let (unit, day) = idleDay(for: seed, in: state, rng: &rng),
            let option = search.options(for: seed, unit: unit, day: day, in: state).first
        {
            state.place(seed, option: option)
        }
        greedy(requests, order: .random, into: &state, rng: &rng)
    }

    /// An idle day of a unit that may host `request`, within its window, at random.
    private func idleDay(
        for request: Int, in state: SolutionState, rng: inout SeededRandomNumberGenerator
    ) -> (unit: Int, day: Int)? {
        guard let seriesDays = SeriesSpacing.days(of: request, in: state) else { return nil }
        let days = WithinHorizon.days(of: problem.requests[request], in: problem).clamped(
            to: seriesDays.lowerBound..<(seriesDays.upperBound + 1))
        var idle: [(unit: Int, day: Int)] = []
        for unit in problem.unitsThatMayHost(request) {
            for day in days where problem.units[unit].days[day] != nil && state.routes[unit][day].isEmpty {
                idle.append((unit, day))
            }
        }
        return idle.isEmpty ? nil : idle[rng.int(below: idle.count)]
    }
}
