// Solves a scenario (default: the demo region) under a time limit and prints one JSON object:
// the service figures of the targets, the checker's verdict, iterations and timings.
// Usage: SolverBenchmark [SCENARIO] [--time-limit S] [--iterations N] [--seed N] [--threads N]
// (--iterations replaces the time limit: a fixed amount of work, to compare costs per iteration).
import Foundation
import TelemedCore
import TelemedSolver

struct BenchmarkResult: Encodable {
    var scenario: String
    var seed: UInt64
    var threads: Int
    var timeLimitSeconds: Double
    var requests: Int
    var placeableAlone: Int
    var served: Int
    var servedOfPlaceableAlone: Double
    var unassignedByConstraint: [String: Int]
    var violations: Int
    var iterations: Int
    /// The first plan (regret insertion): its time, per request, and what it placed.
    var constructionSeconds: Double
    var constructionMicrosecondsPerRequest: Double
    var constructionPlaced: Int
    /// Improvement time per iteration and per iteration and request (threads side by side).
    var searchMicrosecondsPerIteration: Double
    var searchNanosecondsPerIterationAndRequest: Double
    var solveSeconds: Double
    var checkSeconds: Double
}

/// `--name value` pairs and one positional argument.
func parseArguments(_ arguments: [String]) -> (options: [String: String], positional: [String]) {
    var options: [String: String] = [:]
    var positional: [String] = []
    var index = 0
    while index < arguments.count {
        if arguments[index].hasPrefix("--"), index + 1 < arguments.count {
            options[arguments[index]] = arguments[index + 1]
            index += 2
        } else {
            positional.append(arguments[index])
            index += 1
        }
    }
    return (options, positional)
}
let usage = """
    usage: SolverBenchmark [SCENARIO] [--time-limit S] [--iterations N] [--seed N] [--threads N]
    Solves SCENARIO (default Scenarios/bfc-demo.json) and prints one JSON object: served, placeable
    alone, iterations, timings and the plan checker's verdict. --iterations replaces the time limit.
    """
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
let parsed = parseArguments(arguments)
let timeLimit = parsed.options["--time-limit"].flatMap(Double.init) ?? 10
let seed = parsed.options["--seed"].flatMap(UInt64.init) ?? 1
let threads = parsed.options["--threads"].flatMap(Int.init) ?? 1
let iterations = parsed.options["--iterations"].flatMap(Int.init)
let path = parsed.positional.first ?? "Scenarios/bfc-demo.json"

/// A bad path or scenario ends with one line and exit 1, not a crash report.
func loaded(_ path: String) -> (Scenario, Solver) {
    do {
        let scenario = try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: path))
        return (scenario, try Solver(scenario: scenario))
    } catch {
        FileHandle.standardError.write(Data("SolverBenchmark: \(error)\n\(usage)".utf8))
        exit(1)
    }
}
let (scenario, solver) = loaded(path)
let clock = ContinuousClock()
let started = clock.now
let result = solver.solve(
    SolverOptions(
        seed: seed, iterations: iterations, timeLimit: .milliseconds(Int(timeLimit * 1000)), threads: threads))
let solveSeconds = (clock.now - started) / .seconds(1)
let checkStarted = clock.now
let report = try PlanChecker(scenario: scenario).check(result.plan)
let checkSeconds = (clock.now - checkStarted) / .seconds(1)

let served = scenario.requests.count - result.plan.unassigned.count
let searchMicroseconds = result.searchElapsed / .microseconds(1)
let placeable = result.placeableAlone
let output = BenchmarkResult(
    scenario: path, seed: seed, threads: threads, timeLimitSeconds: timeLimit, requests: scenario.requests.count,
    placeableAlone: placeable, served: served,
    servedOfPlaceableAlone: (Double(served) / Double(max(1, placeable)) * 10_000).rounded() / 10_000,
    unassignedByConstraint: Dictionary(grouping: result.plan.unassigned, by: \.constraint.rawValue).mapValues(\.count),
    violations: report.violations.count, iterations: result.iterations,
    constructionSeconds: (result.construction.elapsed / .milliseconds(1)).rounded() / 1000,
    constructionMicrosecondsPerRequest: (result.construction.elapsed / .microseconds(1)
        / Double(scenario.requests.count)
        * 10).rounded() / 10,
    constructionPlaced: result.construction.placed,
    searchMicrosecondsPerIteration: (searchMicroseconds / Double(max(1, result.iterations)) * 10).rounded() / 10,
    searchNanosecondsPerIterationAndRequest: (searchMicroseconds * 1000 / Double(max(1, result.iterations))
        / Double(scenario.requests.count) * 10).rounded() / 10,
    solveSeconds: (solveSeconds * 1000).rounded() / 1000, checkSeconds: (checkSeconds * 1000).rounded() / 1000)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
print(String(decoding: try encoder.encode(output), as: UTF8.self))
