// Times the territorial figures of one variant (`TerritorialReport`: every commune, EPCI,
// department and zone, with the population within 30 and 45 minutes of a used point) on a region
// of about 5,000 communes: Grand Est (44, 5,121 communes) generated for four weeks, planned by the
// solver's construction (or a short search), then the figures computed `--repeats` times. The
// shipped communes are read once before timing, as in a process that has started. Prints one JSON
// object. Usage: TerritoryBenchmark [SCENARIO] [--region R] [--weeks N] [--iterations N] [--repeats N]
import Foundation
import TelemedCore
import TelemedSolver

struct TerritoryTimings: Encodable {
    var scenario: String
    var communes: Int
    var intercommunalities: Int
    var sites: Int
    var usedPoints: Int
    var requests: Int
    var catalogSeconds: Double
    var solveSeconds: Double
    var repeats: Int
    var medianSeconds: Double
    var maxSeconds: Double
    var regionWithin30MinutesPercent: Double?
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
let region = options["--region"] ?? "44"
let weeks = options["--weeks"].flatMap(Int.init) ?? 4
let iterations = options["--iterations"].flatMap(Int.init) ?? 0
let repeats = max(1, options["--repeats"].flatMap(Int.init) ?? 5)

let clock = ContinuousClock()
let scenario: Scenario
let name: String
if let path = positional.first {
    scenario = try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: path))
    name = path
} else {
    let catalog = try CommuneCatalog.shipped(region: region)
    scenario = try DemoRegionGenerator(
        catalog: catalog, profile: RegionProfile.profile(for: catalog),
        options: .init(seed: 1, start: try LocalDate("2027-03-01"), weeks: weeks)
    ).generate()
    name = "generated: --region \(region) --seed 1 --start 2027-03-01 --weeks \(weeks)"
}
var started = clock.now
let catalog = try CommuneCatalog.shipped(for: scenario)
let catalogSeconds = (clock.now - started) / .seconds(1)
started = clock.now
let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: 1, iterations: iterations)).plan
let solveSeconds = (clock.now - started) / .seconds(1)

var durations: [Double] = []
var report: TerritorialReport?
for _ in 0..<repeats {
    let begun = clock.now
    report = TerritorialReport(scenario: scenario, plan: plan, catalog: catalog)
    durations.append((clock.now - begun) / .seconds(1))
}
durations.sort()
let used = Set(plan.bookings.servingByRequest.values.map(\.siteId)).union(plan.visits.map(\.siteId))
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
let timings = TerritoryTimings(
    scenario: name, communes: catalog.communes.count, intercommunalities: report?.intercommunalities.count ?? 0,
    sites: scenario.sites.count, usedPoints: used.count, requests: scenario.requests.count,
    catalogSeconds: catalogSeconds, solveSeconds: solveSeconds, repeats: repeats,
    medianSeconds: durations[durations.count / 2], maxSeconds: durations.last ?? 0,
    regionWithin30MinutesPercent: report?.region.within30MinutesPercent)
print(String(decoding: try encoder.encode(timings), as: UTF8.self))
