import Foundation
import TelemedCore

/// One solve of an imported Solomon instance, measured the way the routing literature and the
/// peer figures of `Benchmarks/solomon` measure it: real-valued distance of the vehicles' routes,
/// vehicles used, and whether the plan is feasible: every customer served, at most the file's
/// vehicles, and zero violations when ``PlanChecker`` re-checks it with real-valued distances.
///
/// ```swift
/// let run = try VRPTWRun(SolomonScenario(instance: instance), options: SolverOptions(timeLimit: .seconds(10)))
/// print(run.distance, run.feasible)
/// ```
public struct VRPTWRun: Encodable, Sendable {
    public var instance: String
    public var vehicles: Int
    /// Σ Euclidean route lengths, computed from the plan's visit order and the instance's own
    /// coordinates (not from the plan's rounded kilometres).
    public var distance: Double
    public var feasible: Bool
    public var seconds: Double
    public var iterations: Int
    /// Customers the plan leaves out (0 when feasible).
    public var unserved: Int
    /// Checker violations (0 when feasible).
    public var violations: Int

    public init(_ imported: SolomonScenario, options: SolverOptions) throws(SolverError) {
        let result = try Solver(scenario: imported.scenario, travelModel: imported.travel).solve(options)
        let report = PlanChecker(scenario: imported.scenario, travel: imported.travel).check(result.plan)
        let routes = imported.routes(of: result.plan)
        instance = imported.instance.name
        vehicles = routes.filter { !$0.isEmpty }.count
        distance = routes.reduce(0) { $0 + imported.instance.routeDistance($1) }
        unserved = result.plan.unassigned.count
        violations = report.violations.count
        feasible = report.isValid && unserved == 0 && vehicles <= imported.instance.vehicleCount
        seconds = result.elapsed.timeInterval
        iterations = result.iterations
        self.plan = result.plan
    }

    /// The plan behind the figures (not part of the JSON line).
    public private(set) var plan: Plan

    private enum CodingKeys: String, CodingKey {
        case instance, vehicles, distance, feasible, seconds, iterations, unserved, violations
    }
}
