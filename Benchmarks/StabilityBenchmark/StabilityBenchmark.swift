// How much a re-optimisation moves the proposed bookings staff have seen (issue 20's targets):
// solves a scenario once (the plan staff saw), then again with that plan as the incumbent, with
// nothing changed and with one specialist removed, and from scratch as a re-plan did before the
// stability term. Prints one JSON object.
// Usage: StabilityBenchmark [SCENARIO] [--time-limit S] [--seed N]
import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

/// One re-plan against the plan staff saw.
struct Replan: Encodable {
    var seen: Int
    var kept: Int
    var moved: Int
    var movedPercent: Double
    /// Σ `weights.served` of the re-plan, and of the plan staff saw.
    var servedWeight: Int
    var seenServedWeight: Int
    var violations: Int
    var solveSeconds: Double
}

/// The re-plan with one specialist removed: the bookings of that specialist must move; the rest
/// should barely.
struct SpecialistRemoved: Encodable {
    var specialistId: String
    var specialistBookings: Int
    var otherBookings: Int
    var otherMoved: Int
    var otherMovedPercent: Double
    var replan: Replan
}

struct StabilityReport: Encodable {
    var scenario: String
    var seed: UInt64
    var timeLimitSeconds: Double
    var proposalMoved: Double
    var requests: Int
    var unchanged: Replan
    var unchangedFromScratch: Replan
    var specialistRemoved: SpecialistRemoved
}

@main
struct StabilityBenchmark: ParsableCommand {
    @Argument(help: "The scenario JSON file.")
    var scenario = "Scenarios/bfc-demo.json"

    @Option(help: "Seconds per solve (four solves).")
    var timeLimit: Double = 30

    @Option(help: "Seed of the first plan; re-plans use the next seeds.")
    var seed: UInt64 = 1

    func run() throws {
        let base = try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: scenario))
        var fresh = base
        fresh.bookings.removeAll { $0.status == .proposed }
        let first = try solve(fresh, seed: seed).plan
        let seeing = fresh.seeing(first)
        let unchanged = try replan(seeing, seed: seed + 1, seenPlan: first)
        let fromScratch = try replan(fresh, seed: seed + 1, seenPlan: first, judgedBy: seeing)

        let busiest = Dictionary(grouping: first.bookings.compactMap(\.specialistId)) { $0 }
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
        let study = WhatIfStudy(
            name: "benchmark", base: "",
            variants: [WhatIfVariant(name: "without \(busiest)", changes: [.removeSpecialist(busiest)])])
        let removed = try study.scenarios(base: seeing).last!.scenario
        let replanned = try replan(removed, seed: seed + 2, seenPlan: first)
        let others = SeenProposals(removed).bookings
        let otherMoved = others.count - SeenProposals(removed).stability(of: replanned.plan).kept
        let report = StabilityReport(
            scenario: scenario, seed: seed, timeLimitSeconds: timeLimit, proposalMoved: base.weights.proposalMoved,
            requests: base.requests.count, unchanged: unchanged.figures, unchangedFromScratch: fromScratch.figures,
            specialistRemoved: SpecialistRemoved(
                specialistId: busiest.rawValue,
                specialistBookings: first.bookings.filter { $0.specialistId == busiest }.count,
                otherBookings: others.count, otherMoved: otherMoved,
                otherMovedPercent: Self.percent(otherMoved, of: others.count), replan: replanned.figures))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    private func solve(_ scenario: Scenario, seed: UInt64) throws -> SolverResult {
        try Solver(scenario: scenario).solve(SolverOptions(seed: seed, timeLimit: .milliseconds(Int(timeLimit * 1000))))
    }

    /// Solves `scenario` and measures the plan against the bookings `judgedBy` says staff saw
    /// (by default the scenario's own).
    private func replan(_ scenario: Scenario, seed: UInt64, seenPlan: Plan, judgedBy: Scenario? = nil) throws -> (
        plan: Plan, figures: Replan
    ) {
        let clock = ContinuousClock()
        let started = clock.now
        let plan = try solve(scenario, seed: seed).plan
        let seconds = (clock.now - started) / .seconds(1)
        let judge = judgedBy ?? scenario
        let stability = SeenProposals(judge).stability(of: plan)
        let checker = try PlanChecker(scenario: judge)
        let seenScore = checker.check(seenPlan).score
        let report = checker.check(plan)
        return (
            plan,
            Replan(
                seen: stability.seen, kept: stability.kept, moved: stability.moved,
                movedPercent: Self.percent(stability.moved, of: stability.seen), servedWeight: report.score.served,
                seenServedWeight: seenScore.served, violations: report.violations.count,
                solveSeconds: (seconds * 1000).rounded() / 1000)
        )
    }

    static func percent(_ part: Int, of whole: Int) -> Double {
        (Double(part) / Double(max(1, whole)) * 10_000).rounded() / 100
    }
}
