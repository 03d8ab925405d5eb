// Times the nightly roll of the planning window on the demo region: the region is generated from
// --start, set up in a temporary database as `telemed serve` sets it up (planned with --iterations,
// first two weeks confirmed), then rolled --days days one at a time on a manual clock, each day timed
// (moving the window, the plan checker over it, placement of the open requests and the apply).
// Prints one JSON object. Demand during the days is `telemed simulate`'s business; this isolates the roll.
// Usage: RollBenchmark [--days N] [--iterations N] [--start YYYY-MM-DD]
import Foundation
import TelemedCore
import TelemedServer
import TelemedSolver
import TelemedStore

struct RollTimings: Encodable {
    var days: Int
    var setupSeconds: Double
    var medianSeconds: Double
    var p90Seconds: Double
    var maxSeconds: Double
    var firstDaySeconds: Double
    var placed: Int
    var repaired: Int
    var dbBytes: Int64
}

var options: [String: String] = [:]
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    if argument.hasPrefix("--"), let value = arguments.popFirst() { options[argument] = value }
}
let days = options["--days"].flatMap(Int.init) ?? 30
let iterations = options["--iterations"].flatMap(Int.init) ?? 200
let start = try LocalDate(options["--start"] ?? "2027-01-04")

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roll-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("telemed.sqlite").path
let time = ManualTime(WallClock.paris.instant(on: start, at: LocalTime(hour: 7, minute: 0)!))
let database = try TelemedDatabase.openFile(at: path, clock: .manual(time))
let clock = ContinuousClock()
let setupStarted = clock.now
_ = try RegionSetup(
    scenario: try DemoRegionGenerator.demo(startingOn: start), solver: SolverOptions(seed: 1, iterations: iterations)
).run(into: database)
let setupSeconds = seconds(clock.now - setupStarted)

var timings: [Double] = []
var (placed, repaired) = (0, 0)
let roller = WindowRoller(database: database, seed: 1)
for day in 1...days {
    time.set(to: WallClock.paris.instant(on: start.adding(days: day), at: LocalTime(hour: 2, minute: 0)!))
    let started = clock.now
    let rolled = try roller.catchUp()
    timings.append(seconds(clock.now - started))
    placed += rolled.map(\.placed).reduce(0, +)
    repaired += rolled.map(\.repaired).reduce(0, +)
}
let sorted = timings.sorted()
func rank(_ p: Double) -> Double {
    sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}
let size = [path, path + "-wal"].compactMap {
    (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.int64Value
}.reduce(0, +)
let result = RollTimings(
    days: days, setupSeconds: setupSeconds, medianSeconds: rank(0.5), p90Seconds: rank(0.9),
    maxSeconds: sorted.last ?? 0, firstDaySeconds: timings.first ?? 0, placed: placed, repaired: repaired,
    dbBytes: size)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
