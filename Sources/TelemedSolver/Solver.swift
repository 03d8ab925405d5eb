import Foundation
import TelemedCore

/// How long and how randomly to search. The same seed and iteration limit give the same plan.
public struct SolverOptions: Sendable {
    public var seed: UInt64
    /// Stop after this many improvement iterations. When set, the time limit is not consulted,
    /// so the run is exactly reproducible.
    public var iterations: Int?
    /// Stop after this long (anytime: the best plan so far is returned).
    public var timeLimit: Duration?

    public init(seed: UInt64 = 1, iterations: Int? = nil, timeLimit: Duration? = nil) {
        self.seed = seed
        self.iterations = iterations
        self.timeLimit = timeLimit
    }
}

/// What the solver reports while it runs.
public struct SolverProgress: Sendable {
    public var elapsed: Duration
    public var iterations: Int
    public var best: PlanScore
}

/// A plan and how it was found.
public struct SolverResult: Sendable {
    public var plan: Plan
    public var iterations: Int
    public var elapsed: Duration
}

/// The scheduler: compiles a scenario once, then builds plans (pure: no I/O, no global state).
///
/// ```swift
/// let solver = try Solver(scenario: scenario)
/// let result = solver.solve(SolverOptions(seed: 1, timeLimit: .seconds(10)))
/// ```
public struct Solver: Sendable {
    let problem: SchedulingProblem

    public init(scenario: Scenario, travelModel: (any TravelModel)? = nil) throws(SolverError) {
        problem = try SchedulingProblem(scenario: scenario, travelModel: travelModel)
    }

    public func solve(
        _ options: SolverOptions = SolverOptions(), progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) -> SolverResult {
        let clock = ContinuousClock()
        let started = clock.now
        var state = SolutionState(problem: problem)
        let search = InsertionSearch(problem: problem)
        RegretInsertion(search: search).insert(Array(problem.requests.indices), into: &state)
        let explainer = UnassignedExplainer(problem: problem)
        let placeableAlone = problem.requests.indices.map {
            state.placements[$0] != nil || explainer.isFeasibleAlone($0)
        }
        let objective = Objective(problem: problem)
        progress?(SolverProgress(elapsed: clock.now - started, iterations: 0, best: objective.score(state)))
        let outcome = LargeNeighbourhoodSearch(
            problem: problem, search: search, objective: objective, placeableAlone: placeableAlone
        ).improve(state, options: options, started: started, progress: progress)
        state = outcome.best
        let unassigned = state.placements.indices.filter { state.placements[$0] == nil }.map {
            explainer.explain($0, in: state)
        }
        let plan = PlanBuilder(problem: problem).plan(from: state, unassigned: unassigned)
        let elapsed = clock.now - started
        progress?(SolverProgress(elapsed: elapsed, iterations: outcome.iterations, best: plan.score))
        return SolverResult(plan: plan, iterations: outcome.iterations, elapsed: elapsed)
    }
}
