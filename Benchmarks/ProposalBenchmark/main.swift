// Times real-time proposals on a scenario (default: the demo region): the plan in force is the
// solver's construction (`--iterations 0`) or a short search, then `--count` new requests, each a
// copy of a scenario request with a fresh id and patient (so the mix of sites, specialties, modes
// and equipment is the demo's), get up to 3 proposals each. Prints one JSON object.
// Usage: ProposalBenchmark [SCENARIO] [--plan PLAN] [--count N] [--iterations N] [--seed N]
// (--plan: the plan in force is that file, e.g. `telemed solve`'s national plan, instead of a solve).
import Foundation
import TelemedCore
import TelemedSolver

struct ProposalTimings: Encodable {
    var scenario: String
    var requests: Int
    var withProposals: Int
    var proposalsPerRequest: Double
    var engineSeconds: Double
    var p50Milliseconds: Double
    var p90Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double
}

var options: [String: String] = [:]
var positional: [String] = []
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    if argument.hasPrefix("--"), let value = arguments.popFirst() {
        options[argument] = value
    } else {
        positional.append(argument)
    }
}
let path = positional.first ?? "Scenarios/bfc-demo.json"
let count = options["--count"].flatMap(Int.init) ?? 1000
let iterations = options["--iterations"].flatMap(Int.init) ?? 0
let seed = options["--seed"].flatMap(UInt64.init) ?? 1

let scenario = try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: path))
let plan =
    try options["--plan"].map { try ScenarioCoder.decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
    ?? Solver(scenario: scenario).solve(SolverOptions(seed: seed, iterations: iterations)).plan
let clock = ContinuousClock()
let engineStarted = clock.now
let engine = try ProposalEngine(scenario: scenario, plan: plan)
let engineSeconds = (clock.now - engineStarted) / .seconds(1)

var random = SeededRandomNumberGenerator(seed: seed)
var durations: [Double] = []
var withProposals = 0
var proposals = 0
for number in 0..<count {
    var request = scenario.requests[Int(random.next() % UInt64(scenario.requests.count))]
    request.id = ConsultationRequest.ID("R-NEW-\(number)")
    request.patientRef = "P-NEW-\(number)"
    request.preferredSpecialistId = nil
    let started = clock.now
    let set = try engine.proposals(for: request)
    durations.append((clock.now - started) / .milliseconds(1))
    if !set.proposals.isEmpty { withProposals += 1 }
    proposals += set.proposals.count
}
let sorted = durations.sorted()
func percentile(_ fraction: Double) -> Double {
    (sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000).rounded() / 1000
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
let timings = ProposalTimings(
    scenario: path, requests: count, withProposals: withProposals,
    proposalsPerRequest: Double(proposals) / Double(max(1, count)), engineSeconds: engineSeconds,
    p50Milliseconds: percentile(0.5), p90Milliseconds: percentile(0.9), p99Milliseconds: percentile(0.99),
    maxMilliseconds: percentile(1))
print(String(decoding: try encoder.encode(timings), as: UTF8.self))
