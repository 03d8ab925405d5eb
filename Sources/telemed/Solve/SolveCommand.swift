import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan a scenario: who sees whom, where, when, and each unit's route.",
        discussion: """
            Builds a first plan by regret insertion, then improves it until the time limit or the \
            iteration limit. The same scenario, --seed and --iterations give the same plan, byte for \
            byte. Every request left out carries the constraint that blocked it.

            Example: telemed solve Scenarios/bfc-demo.json --seed 1 --time-limit 10 --out plan.json
            """
    )

    @Argument(help: "The scenario JSON file.")
    var scenario: String

    @Option(help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many seconds (the best plan so far is kept).")
    var timeLimit: Double = 10

    @Option(help: "Stop after this many improvement iterations; makes runs exactly reproducible.")
    var iterations: Int?

    @Option(help: "Where to write the plan JSON; '-' writes to standard output.")
    var out: String = "plan.json"

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations cannot be negative") }
    }

    func run() throws {
        let document: Scenario
        do {
            document = try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: scenario))
        } catch {
            throw ValidationError(error.description)
        }
        let solver: Solver
        do {
            solver = try Solver(scenario: document)
        } catch {
            throw ValidationError(error.description)
        }
        let result = solver.solve(
            SolverOptions(seed: seed, iterations: iterations, timeLimit: .milliseconds(Int(timeLimit * 1000))))
        try Output.write(ScenarioCoder.encode(result.plan), to: out)
        let plan = result.plan
        Output.note(
            "served \(plan.bookings.count - document.bookings.filter { $0.status.isPinned }.count) new + pinned, "
                + "\(plan.unassigned.count) unassigned of \(document.requests.count) requests; score served "
                + "\(plan.score.served), soft \(String(format: "%.2f", plan.score.soft)); \(result.elapsed)")
    }
}
