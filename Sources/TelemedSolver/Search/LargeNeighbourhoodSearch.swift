import Foundation
import TelemedCore

/// Adaptive large neighbourhood search over a constructed solution: ruin some requests, repair,
/// accept by simulated annealing on the lexicographic objective (served first, then soft), keep
/// the best. Deterministic for a seed and an iteration limit; anytime under a time limit.
struct LargeNeighbourhoodSearch {
    let problem: SchedulingProblem
    let search: InsertionSearch
    let objective: Objective
    /// Requests that have a placement when alone: the only ones worth trying to repair.
    let placeableAlone: [Bool]
    /// Where a request would go with only pinned facts planned (for placeable requests).
    let lonePlacement: [Placement?]

    /// One served weight unit outranks any soft difference a move can make.
    static let servedScale = 1e5
    static let segmentLength = 50
    /// Extra unassigned requests offered to each repair besides those just removed.
    static let unassignedPerRepair = 12

    struct Outcome {
        var best: SolutionState
        var iterations: Int
    }

    func improve(
        _ initial: SolutionState, options: SolverOptions, started: ContinuousClock.Instant,
        progress: (@Sendable (SolverProgress) -> Void)?
    ) -> Outcome {
        let clock = ContinuousClock()
        var rng = SeededRandomNumberGenerator(seed: options.seed)
        let ruin = Ruin(problem: problem, search: search, lonePlacement: lonePlacement)
        let regret = RegretInsertion(search: search)
        let repair = Repair(problem: problem, search: search)
        let routes = RouteLocalSearch(problem: problem, scheduler: search.scheduler)
        var ruins = OperatorWeights(count: RuinOperator.allCases.count)
        var repairs = OperatorWeights(count: RepairOperator.allCases.count)
        var current = initial
        var currentValue = value(current)
        var best = initial
        var bestScore = objective.score(best)
        // 3 % of the first plan's soft cost, cooling a thousandfold: tried 0.2 %–10 % on the demo
        // and on Solomon's instances; hotter starts escape long routes' local optima, the demo is
        // indifferent (served weight is 10⁵ times any soft term, so it is never traded).
        let startTemperature = max(1, objective.soft(initial)) * 0.03
        var iteration = 0
        while true {
            let fraction: Double
            if let limit = options.iterations {
                if iteration >= limit { break }
                fraction = Double(iteration) / Double(max(1, limit))
            } else if let limit = options.timeLimit {
                let elapsed = clock.now - started
                if elapsed >= limit { break }
                fraction = elapsed / limit
            } else {
                break
            }
            iteration += 1
            let ruinIndex = ruins.pick(&rng)
            let repairIndex = repairs.pick(&rng)
            var candidate = current
            let placed = candidate.assignedCount
            let count = 4 + rng.int(below: max(8, min(40, placed / 8)))
            let removed = ruin.apply(RuinOperator(rawValue: ruinIndex)!, count: count, to: &candidate, rng: &rng)
            let toInsert = removed + unassignedToRetry(candidate, removed: removed, rng: &rng)
            switch RepairOperator(rawValue: repairIndex)! {
            case .greedy:
                let order = Repair.Order.allCases[rng.weightedIndex(Repair.Order.cumulativeWeights)]
                repair.greedy(toInsert, order: order, into: &candidate, rng: &rng)
            case .regret: regret.insert(toInsert, into: &candidate)
            case .openDay: repair.openDay(toInsert, into: &candidate, rng: &rng)
            }
            let touched = toInsert.flatMap { [current.placements[$0]?.day, candidate.placements[$0]?.day] }
            routes.improve(days: Set(touched.compactMap { $0 }), in: &candidate, rng: &rng)
            let candidateValue = value(candidate)
            let temperature = startTemperature * pow(0.001, fraction)
            var reward = 0.0
            if candidateValue < currentValue - 1e-9
                || rng.nextUnit() < exp((currentValue - candidateValue) / temperature)
            {
                reward = candidateValue < currentValue - 1e-9 ? OperatorWeights.improved : OperatorWeights.accepted
                current = candidate
                currentValue = candidateValue
                let score = objective.score(current)
                if score < bestScore {
                    best = current
                    bestScore = score
                    reward = OperatorWeights.newBest
                }
            }
            ruins.record(ruinIndex, score: reward)
            repairs.record(repairIndex, score: reward)
            if iteration % Self.segmentLength == 0 {
                ruins.endSegment()
                repairs.endSegment()
            }
            if iteration % 10 == 0 {
                progress?(SolverProgress(elapsed: clock.now - started, iterations: iteration, best: bestScore))
            }
        }
        return Outcome(best: best, iterations: iteration)
    }

    func value(_ state: SolutionState) -> Double {
        -Double(objective.served(state)) * Self.servedScale + objective.soft(state)
    }

    /// Unassigned requests that might now fit: those sharing a site or specialty with a removed
    /// one first, then a few at random; never those that cannot be placed even alone.
    private func unassignedToRetry(_ state: SolutionState, removed: [Int], rng: inout SeededRandomNumberGenerator)
        -> [Int]
    {
        let removedSet = Set(removed)
        let waiting = state.placements.indices.filter {
            RequestOnce.isUnplaced($0, in: state) && placeableAlone[$0] && !removedSet.contains($0)
        }
        guard !waiting.isEmpty else { return [] }
        let sites = Set(removed.map { problem.requests[$0].site })
        let specialists = Set(removed.flatMap { problem.requests[$0].specialists })
        let related = waiting.filter {
            sites.contains(problem.requests[$0].site) || !specialists.isDisjoint(with: problem.requests[$0].specialists)
        }
        var chosen = Array(rng.shuffled(related).prefix(Self.unassignedPerRepair))
        let others = waiting.filter { !Set(chosen).contains($0) }
        chosen += rng.shuffled(others).prefix(max(2, Self.unassignedPerRepair - chosen.count))
        return chosen
    }
}
