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
    /// Searches run in parallel with seeds `seed`, `seed + 1`…, in rounds that each start from
    /// the best plan so far (ties go to the lowest seed; ``SearchRounds``), so the result is
    /// still reproducible with `iterations`, which each search runs.
    public var threads: Int

    public init(seed: UInt64 = 1, iterations: Int? = nil, timeLimit: Duration? = nil, threads: Int = 1) {
        self.seed = seed
        self.iterations = iterations
        self.timeLimit = timeLimit
        self.threads = max(1, threads)
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
    /// Requests with a feasible placement when nothing but pinned facts is planned: the ones a
    /// plan could serve if they did not compete with each other.
    public var placeableAlone: Int
    /// The first plan, before any improvement: how long regret insertion took and how many
    /// requests it placed (pinned facts and kept proposals included).
    public var construction: Construction
    /// How long the improvement searches ran (all threads side by side).
    public var searchElapsed: Duration

    public struct Construction: Sendable {
        public var elapsed: Duration
        public var placed: Int
    }
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
        let search = InsertionSearch(problem: problem, pressingEarlier: true)
        search.placeIncumbent(into: &state)
        RegretInsertion(search: search, refresh: .construction).insert(Array(problem.requests.indices), into: &state)
        let construction = SolverResult.Construction(elapsed: clock.now - started, placed: state.assignedCount)
        let explainer = UnassignedExplainer(problem: problem)
        let lonePlacement = problem.requests.indices.map {
            state.placements[$0] != nil ? nil : explainer.lonePlacement($0)
        }
        let placeableAlone = problem.requests.indices.map { state.placements[$0] != nil || lonePlacement[$0] != nil }
        let objective = Objective(problem: problem)
        progress?(SolverProgress(elapsed: clock.now - started, iterations: 0, best: objective.score(state)))
        let lns = LargeNeighbourhoodSearch(
            problem: problem, search: search, objective: objective, placeableAlone: placeableAlone,
            lonePlacement: lonePlacement)
        let searchStarted = clock.now
        let outcome = SearchRounds(search: lns, objective: objective).improve(
            state, options: options, started: started, progress: progress)
        let searchElapsed = clock.now - searchStarted
        state = outcome.best
        let iterations = outcome.iterations
        let unassigned = explainer.explain(
            state.placements.indices.filter { RequestOnce.isUnplaced($0, in: state) }, in: state)
        let plan = PlanBuilder(problem: problem).plan(from: state, unassigned: unassigned)
        let elapsed = clock.now - started
        progress?(SolverProgress(elapsed: elapsed, iterations: iterations, best: plan.score))
        return SolverResult(
            plan: plan, iterations: iterations, elapsed: elapsed, placeableAlone: placeableAlone.filter { $0 }.count,
            construction: construction, searchElapsed: searchElapsed)
    }
}
