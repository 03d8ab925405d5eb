import Dispatch
import Foundation
import Synchronization
import TelemedCore

/// Plans a large scenario by parts, then as a whole: the parts (``ScenarioPartition``: clusters
/// of departments with their units and a share of the specialists) are solved side by side on
/// `options.threads` cores, their plans put together become the whole search's starting point
/// (every booking offered back where its part placed it, as seen proposals are), and the whole
/// search fills what the cut left (a specialist idle in one part while another waits, a unit that
/// can cross a department's border) and improves the plan for the time left. The plan checker
/// verifies the whole plan, never the parts.
///
/// Same scenario, seed and iteration limit: same plan, whatever the threads (each part has its
/// own seed, parts are merged in order, and the whole pass runs one search when iterations are
/// limited; with a time limit it runs `threads` searches, as ``Solver`` does).
///
/// ```swift
/// if DecomposedSolver.applies(to: scenario) {
///     let result = try DecomposedSolver(scenario: scenario).solve(SolverOptions(seed: 1, timeLimit: .seconds(300), threads: 2))
/// }
/// ```
public struct DecomposedSolver: Sendable {
    /// Requests from which a scenario is solved by parts: about two regions' month. Below it the
    /// whole search is fast enough and loses nothing to a cut.
    public static let threshold = 6_000
    /// Share of a time limit the parts get; the whole search has the rest, less ``tailShare``.
    static let partShare = 0.6
    /// Share of a time limit kept for what follows the whole search: explaining every request
    /// left out (about 10 s for the country) and writing the plan, so the run ends on time.
    static let tailShare = 0.05

    let scenario: Scenario
    let travelModel: (any TravelModel)?
    let partition: ScenarioPartition

    /// Whether `scenario` is solved by parts: at least ``threshold`` requests in two parts or more,
    /// and no bookings (a scenario with confirmed or seen bookings is a live schedule, and its
    /// pinned facts tie the parts together: it is solved whole).
    public static func applies(to scenario: Scenario) -> Bool {
        scenario.requests.count >= threshold && scenario.bookings.isEmpty
            && Set(scenario.sites.map(\.departmentCode)).count >= 2
    }

    /// `partRequests`: the parts' size (``ScenarioPartition/targetRequests``; tests cut small
    /// scenarios finer).
    public init(
        scenario: Scenario, travelModel: (any TravelModel)? = nil,
        partRequests: Int = ScenarioPartition.targetRequests
    ) {
        self.scenario = scenario
        self.travelModel = travelModel
        let regions = Self.regionOfDepartment()
        partition = ScenarioPartition(scenario, targetRequests: partRequests, regionOf: { regions[$0] ?? $0 })
    }

    /// How many parts the scenario is cut into.
    public var partCount: Int { partition.parts.count }

    public func solve(
        _ options: SolverOptions = SolverOptions(), progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) throws(SolverError) -> SolverResult {
        let clock = ContinuousClock()
        let started = clock.now
        let hints = solveParts(options)
        var whole = scenario
        // The parts' bookings as the places "seen": offered first, moved at no cost.
        whole.bookings = hints
        whole.weights.proposalMoved = 0
        var wholeOptions = options
        // With an iteration limit the run must not depend on the machine's cores: one search.
        if options.iterations != nil { wholeOptions.threads = 1 }
        if let limit = options.timeLimit {
            wholeOptions.timeLimit = max(.milliseconds(1), limit - (clock.now - started) - limit * Self.tailShare)
        }
        var result = try Solver(scenario: whole, travelModel: travelModel).solve(wholeOptions, progress: progress)
        result.elapsed = clock.now - started
        return result
    }

    /// Every part solved, on `options.threads` workers taking parts in turn; each part's time is
    /// its share of the parts' budget by requests, its seed the run's plus its position.
    private func solveParts(_ options: SolverOptions) -> [Booking] {
        let parts = partition.parts
        let workers = max(1, min(options.threads, parts.count))
        // A part that still cannot be compiled is left to the whole pass (no hints from it).
        let solvers = parts.map { part in try? Solver(scenario: part.scenario, travelModel: travelModel) }
        let plans = Mutex<[Int: Plan]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let mine = Array(stride(from: worker, to: parts.count, by: workers))
            let requests = Double(max(1, mine.reduce(0) { $0 + parts[$1].scenario.requests.count }))
            for index in mine {
                var partOptions = SolverOptions(
                    seed: options.seed &+ UInt64(index), iterations: options.iterations, threads: 1)
                if let limit = options.timeLimit {
                    let share = Self.partShare * Double(parts[index].scenario.requests.count) / requests
                    partOptions.timeLimit = max(.milliseconds(1), limit * share)
                }
                guard let plan = solvers[index]?.solve(partOptions).plan else { continue }
                plans.withLock { $0[index] = plan }
            }
        }
        let solved = plans.withLock { $0 }
        return parts.indices.flatMap { index in
            (solved[index]?.bookings ?? []).map { booking in
                var seen = booking
                seen.status = .proposed
                return seen
            }
        }
    }

    /// Each shipped department's region, to keep a region's departments in one part.
    private static func regionOfDepartment() -> [String: String] {
        guard let directory = try? CommuneDirectory.shipped() else { return [:] }
        return Dictionary(directory.departments.map { ($0.code, $0.regionCode) }, uniquingKeysWith: { a, _ in a })
    }
}
