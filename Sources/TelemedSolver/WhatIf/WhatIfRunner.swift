import Dispatch
import Foundation
import Synchronization
import TelemedCore

/// One variant solved: its scenario, plan and figures.
public struct WhatIfOutcome: Sendable {
    public var variant: WhatIfVariant
    public var scenario: Scenario
    public var plan: Plan
    public var kpis: PlanKPIs
    public var territories: TerritorialReport
    public var iterations: Int
    /// Requests that fit when considered alone (`SolverResult.placeableAlone`).
    public var placeableAlone: Int
}

/// Solves the variants of a what-if study side by side, one single-threaded search per variant,
/// as many at once as the machine has cores. Each variant uses the same seed, so a study run
/// with `iterations` is reproducible whatever the order in which variants finish.
public enum WhatIfRunner {
    public static func run(
        _ variants: [(variant: WhatIfVariant, scenario: Scenario)], options: SolverOptions, catalog: CommuneCatalog,
        travelModel: (any TravelModel)? = nil
    ) throws(SolverError) -> [WhatIfOutcome] {
        let single = SolverOptions(
            seed: options.seed, iterations: options.iterations, timeLimit: options.timeLimit, threads: 1)
        let solvers = try variants.map { variant throws(SolverError) in
            try Solver(scenario: variant.scenario, travelModel: travelModel)
        }
        let results = Mutex<[Int: WhatIfOutcome]>([:])
        DispatchQueue.concurrentPerform(iterations: variants.count) { index in
            let (variant, scenario) = variants[index]
            let result = solvers[index].solve(single)
            let outcome = WhatIfOutcome(
                variant: variant, scenario: scenario, plan: result.plan,
                kpis: PlanKPIs(scenario: scenario, plan: result.plan),
                territories: TerritorialReport(
                    scenario: scenario, plan: result.plan, catalog: catalog, travel: travelModel),
                iterations: result.iterations, placeableAlone: result.placeableAlone)
            results.withLock { $0[index] = outcome }
        }
        let outcomes = results.withLock { $0 }
        return variants.indices.map { outcomes[$0]! }
    }
}
