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

    /// The solved variant with its territorial figures.
    public init(_ solved: SolvedVariant, territories: TerritorialReport) {
        variant = solved.variant
        scenario = solved.scenario
        plan = solved.plan
        kpis = solved.kpis
        self.territories = territories
        iterations = solved.iterations
        placeableAlone = solved.placeableAlone
    }
}

/// One variant solved, before its territorial figures: what a search over many variants keeps
/// for each (the siting search describes territories only for the ones it reports).
public struct SolvedVariant: Sendable {
    public var variant: WhatIfVariant
    public var scenario: Scenario
    public var plan: Plan
    public var kpis: PlanKPIs
    public var iterations: Int
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
        describe(
            try solve(variants, options: options, travelModel: travelModel), catalog: catalog, travelModel: travelModel)
    }

    /// Every variant solved with `options`' seed and limits on one thread each, in the order
    /// given; `finished` is called (from any thread) with each variant's position once it is
    /// solved.
    public static func solve(
        _ variants: [(variant: WhatIfVariant, scenario: Scenario)], options: SolverOptions,
        travelModel: (any TravelModel)? = nil, finished: (@Sendable (Int) -> Void)? = nil
    ) throws(SolverError) -> [SolvedVariant] {
        let single = SolverOptions(
            seed: options.seed, iterations: options.iterations, timeLimit: options.timeLimit, threads: 1)
        // A national variant is solved by parts (one core each: the variants share the cores).
        let solvers = try variants.map { variant throws(SolverError) -> Solver? in
            DecomposedSolver.applies(to: variant.scenario)
                ? nil : try Solver(scenario: variant.scenario, travelModel: travelModel)
        }
        let results = Mutex<[Int: Result<SolvedVariant, SolverError>]>([:])
        DispatchQueue.concurrentPerform(iterations: variants.count) { index in
            let (variant, scenario) = variants[index]
            let result: SolverResult
            if let solver = solvers[index] {
                result = solver.solve(single)
            } else {
                do throws(SolverError) {
                    result = try DecomposedSolver(scenario: scenario, travelModel: travelModel).solve(single)
                } catch {
                    results.withLock { $0[index] = .failure(error) }
                    finished?(index)
                    return
                }
            }
            let solved = SolvedVariant(
                variant: variant, scenario: scenario, plan: result.plan,
                kpis: PlanKPIs(scenario: scenario, plan: result.plan), iterations: result.iterations,
                placeableAlone: result.placeableAlone)
            results.withLock { $0[index] = .success(solved) }
            finished?(index)
        }
        let solved = results.withLock { $0 }
        return try variants.indices.map { index throws(SolverError) in try solved[index]!.get() }
    }

    /// Solved variants with their territorial figures, computed side by side like the solves.
    public static func describe(
        _ solved: [SolvedVariant], catalog: CommuneCatalog, travelModel: (any TravelModel)? = nil
    ) -> [WhatIfOutcome] {
        let reports = Mutex<[Int: TerritorialReport]>([:])
        DispatchQueue.concurrentPerform(iterations: solved.count) { index in
            let report = TerritorialReport(
                scenario: solved[index].scenario, plan: solved[index].plan, catalog: catalog, travel: travelModel)
            reports.withLock { $0[index] = report }
        }
        let described = reports.withLock { $0 }
        return solved.indices.map { WhatIfOutcome(solved[$0], territories: described[$0]!) }
    }
}
