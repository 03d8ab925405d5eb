import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

struct VRPTWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vrptw",
        abstract: "Solve Solomon VRPTW instances with the scheduler and print one JSON line per instance.",
        discussion: """
            Each instance is imported as a scenario (customers become sites with a time window and a \
            crew request, vehicles become units with the vehicle capacity; one Solomon time unit is \
            0.4 minute, time counted in thousandths of a minute), solved by the same solver as any \
            scenario, and re-checked by the plan checker with real-valued distances. The objective is \
            total distance with every customer served and at most the file's vehicles.

            Each line holds: instance, vehicles, distance (real-valued), feasible, seconds, \
            iterations, unserved, violations.

            Example: telemed bench vrptw Benchmarks/solomon/*.txt --time-limit 10 --seed 1
            """
    )

    @Argument(help: "Solomon instance files (classic text layout).")
    var files: [String]

    @Option(parsing: .unconditional, help: "Seconds per instance.")
    var timeLimit: Double = 10

    @Option(help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Stop after this many iterations instead (reproducible runs).")
    var iterations: Int?

    @Option(help: "Independent searches per instance, run in parallel.")
    var threads: Int = 1

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one instance file") }
        guard timeLimit > 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if threads < 1 || threads > 64 { throw ValidationError("--threads must be between 1 and 64 (got \(threads))") }
        if let iterations, iterations < 0 {
            throw ValidationError("--iterations cannot be negative (got \(iterations))")
        }
    }

    func run() throws {
        // Read every file first: a typo in the last path should not cost the earlier runs.
        let imported = try files.map { path in
            do throws(SolomonFormatError) {
                return try SolomonScenario(instance: SolomonInstance(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw InputError("\(path): \(error.message)")
            }
        }
        let options = SolverOptions(
            seed: seed, iterations: iterations, timeLimit: .milliseconds(Int((timeLimit * 1000).rounded(.up))),
            threads: threads)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for instance in imported {
            let run: VRPTWRun
            do {
                run = try VRPTWRun(instance, options: options)
            } catch {
                throw InputError("\(instance.instance.name): \(error.description)")
            }
            try Output.write(encoder.encode(Rounded(run)) + Data("\n".utf8), to: "-")
        }
    }

    /// Distance to 2 decimals and seconds to 3, as the peer tables print them.
    private struct Rounded: Encodable {
        let run: VRPTWRun

        init(_ run: VRPTWRun) { self.run = run }

        func encode(to encoder: any Encoder) throws {
            var copy = run
            copy.distance = (run.distance * 100).rounded() / 100
            copy.seconds = (run.seconds * 1000).rounded() / 1000
            try copy.encode(to: encoder)
        }
    }
}
