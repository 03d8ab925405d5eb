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

            On a terminal, a progress line shows the elapsed time, the iterations and the best score \
            so far. At the end a KPI summary (served by urgency, waits, lateness, kilometres, \
            utilisation, unassigned by constraint) goes to standard error; --kpis writes it as JSON.

            The plan is then re-verified by the independent plan checker (as `telemed check` does); \
            if it finds a violation, the plan is still written for inspection but the command prints \
            the violations and exits 1, so a script never takes an invalid plan for a good one.

            The scenario's proposed bookings (or, with --incumbent, another plan's) are the ones \
            staff have seen: the search starts from them and moves one only when the plan gains more \
            than weights.proposalMoved; the summary says how many it kept and moved.

            Example: telemed solve Scenarios/bfc-demo.json --seed 1 --time-limit 10 --out plan.json
            """
    )

    @Argument(help: "The scenario JSON file.")
    var scenario: String

    @Option(help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    // `.unconditional` so that `--time-limit -1` reaches validate() and gets its clear message
    // instead of being taken for an unknown flag.
    @Option(parsing: .unconditional, help: "Stop after this many seconds (the best plan so far is kept).")
    var timeLimit: Double = 10

    @Option(
        parsing: .unconditional, help: "Stop after this many improvement iterations; makes runs exactly reproducible.")
    var iterations: Int?

    @Option(
        help: ArgumentHelp(
            "Cores to use (default: 1, or every core for a scenario solved by parts).",
            discussion: """
                A scenario of \(DecomposedSolver.threshold) requests or more without bookings is solved by \
                parts (clusters of departments, side by side), then as a whole; a smaller one runs this \
                many independent searches (seeds seed, seed+1…) and keeps the best.
                """))
    var threads: Int?

    @Option(help: "Where to write the plan JSON; '-' writes to standard output.")
    var out: String = "plan.json"

    @Option(help: "Also write the plan's KPIs as JSON to this file ('-' for standard output).")
    var kpis: String?

    @Option(
        help: ArgumentHelp(
            "A plan whose proposed bookings staff have seen, in place of the scenario's own.",
            discussion: "The search starts from them and pays weights.proposalMoved for each one it moves."))
    var incumbent: String?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if let threads, threads < 1 || threads > 64 {
            throw ValidationError("--threads must be between 1 and 64 (got \(threads))")
        }
        if let iterations, iterations < 0 {
            throw ValidationError("--iterations cannot be negative (got \(iterations))")
        }
        if kpis == "-" && out == "-" {
            throw ValidationError("--out and --kpis cannot both write to standard output")
        }
    }

    func run() throws {
        let document = try Input.scenario(scenario, seeing: incumbent)
        let travel = try Input.travelModel(for: document, at: scenario)
        let progressLine = ProgressLine()
        let byParts = DecomposedSolver.applies(to: document)
        let options = SolverOptions(
            seed: seed, iterations: iterations, timeLimit: .milliseconds(Int((timeLimit * 1000).rounded(.up))),
            threads: threads ?? (byParts ? ProcessInfo.processInfo.activeProcessorCount : 1))
        let result: SolverResult
        do {
            if byParts {
                let solver = DecomposedSolver(scenario: document, travelModel: travel)
                progressLine.begin(
                    "planning \(document.requests.count) requests in \(solver.partCount) parts on \(options.threads) "
                        + "cores, then as a whole…")
                result = try solver.solve(options) { progressLine.report($0) }
            } else {
                let solver = try Solver(scenario: document, travelModel: travel)
                progressLine.begin("building the first plan for \(document.requests.count) requests…")
                result = solver.solve(options) { progressLine.report($0) }
            }
        } catch {
            throw ValidationError("\(scenario): \(error.description)")
        }
        progressLine.finish()

        try Output.write(ScenarioCoder.encode(result.plan), to: out)
        let figures = PlanKPIs(scenario: document, plan: result.plan)
        if let kpis { try Output.write(ScenarioCoder.encode(figures), to: kpis) }
        let score = result.plan.score
        Output.note(
            "\(result.iterations) iterations in \(LocalFormat.seconds(result.elapsed)); score served \(score.served), "
                + "soft \(LocalFormat.decimal(score.soft, places: 2)); plan written to \(out == "-" ? "stdout" : out)")
        let served = document.requests.count - result.plan.unassigned.count
        Output.note(
            "served \(served) of the \(result.placeableAlone) requests that fit when considered alone "
                + "(\(LocalFormat.decimal(100 * Double(served) / Double(max(1, result.placeableAlone)), places: 1)) %); "
                + "\(document.requests.count - result.placeableAlone) cannot be placed even alone")
        Output.note("")
        Output.note(KPISummary.render(figures))
        try Self.recheck(result.plan, of: document, travel: travel, writtenTo: out)
    }

    /// The independent checker's verdict: a solver bug must not pass as a plan (exit 1).
    static func recheck(_ plan: Plan, of scenario: Scenario, travel: any TravelModel, writtenTo out: String) throws {
        let violations = PlanChecker(scenario: scenario, travel: travel).violations(plan)
        guard !violations.isEmpty else { return }
        for violation in violations { Output.note(violation.description) }
        Output.note(
            "the plan checker rejects this plan: \(violations.count) violation(s); it was written to"
                + " \(out == "-" ? "stdout" : out) for inspection only")
        throw ExitCode(1)
    }
}
