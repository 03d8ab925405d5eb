import ArgumentParser
import TelemedSolver

/// How long each search of a what-if runs and from which seed, shared by `whatif` and
/// `whatif suggest`: the same options give the same solver options, which is what lets a
/// suggestion be solved again as a plain what-if.
struct SearchBudgetOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seconds per search (searches run in parallel, one per core).")
    var timeLimit: Double = 10

    @Option(help: "Seed of every search.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Stop each search after this many iterations (reproducible runs).")
    var iterations: Int?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if let iterations, iterations < 0 {
            throw ValidationError("--iterations cannot be negative (got \(iterations))")
        }
    }

    var solverOptions: SolverOptions {
        SolverOptions(
            seed: seed, iterations: iterations, timeLimit: .milliseconds(Int((timeLimit * 1000).rounded(.up))))
    }

    /// "200 iterations" or "10 s", for notes.
    var perSearch: String { iterations.map { "\($0) iterations" } ?? "\(LocalFormat.decimal(timeLimit, places: 0)) s" }

    /// "graine 1, 200 itérations par variante": the reports' footer.
    func frenchDescription(per unit: String) -> String {
        iterations.map { "graine \(seed), \($0) itérations par \(unit)" }
            ?? "graine \(seed), \(LocalFormat.decimal(timeLimit, places: 0)) s par \(unit)"
    }
}
