// Confirmations per second on a SQLite file: one writer confirming bookings that never collide,
// then 8 concurrent writers (tasks sharing one database, as one server process would) racing for
// the same slots, where exactly one confirmation per slot wins. Proposals are made beforehand and
// not timed. Prints one JSON object.
// Usage: StoreBenchmark [--groups N] [--writers N]
import Foundation
import TelemedCore
import TelemedStore

struct RunResult: Encodable {
    var writers: Int
    var attempts: Int
    var committed: Int
    var conflicts: Int
    var seconds: Double
    var attemptsPerSecond: Double
    var committedPerSecond: Double
}

struct BenchmarkResult: Encodable {
    var sqliteFile: Bool
    var busyTimeoutSeconds: Double
    var singleWriter: RunResult
    var concurrentWriters: RunResult
}

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return Int(arguments[index + 1]) ?? value
}

/// A fresh database file with the load imported and every booking proposed.
func prepare(_ load: ConfirmLoad, in folder: URL) throws -> DatabaseBookingStore {
    let database = try TelemedDatabase.openFile(
        at: folder.appendingPathComponent("\(UUID().uuidString).sqlite").path, clock: .system)
    try database.importScenario(load.scenario(), actor: "benchmark")
    let store = DatabaseBookingStore(database)
    for group in 0..<load.groups {
        for writer in 0..<load.writers { try store.propose(load.booking(group: group, writer: writer), actor: "bench") }
    }
    return store
}

func measure(_ load: ConfirmLoad, in folder: URL) async throws -> RunResult {
    let store = try prepare(load, in: folder)
    let clock = ContinuousClock()
    let started = clock.now
    let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
        for writer in 0..<load.writers {
            group.addTask {
                var (committed, conflicts) = (0, 0)
                for slot in 0..<load.groups {
                    let id = load.booking(group: slot, writer: writer).id
                    if try store.confirm(id, actor: "bench:\(writer)").value != nil {
                        committed += 1
                    } else {
                        conflicts += 1
                    }
                }
                return (committed, conflicts)
            }
        }
        return try await group.reduce(into: (0, 0)) { $0 = ($0.0 + $1.0, $0.1 + $1.1) }
    }
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let attempts = counts.0 + counts.1
    return RunResult(
        writers: load.writers, attempts: attempts, committed: counts.0, conflicts: counts.1, seconds: seconds,
        attemptsPerSecond: Double(attempts) / seconds, committedPerSecond: Double(counts.0) / seconds)
}

let groups = option("--groups", default: 2000)
let writers = option("--writers", default: 8)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }
let single = try await measure(ConfirmLoad(groups: groups, writers: 1), in: folder)
let concurrent = try await measure(ConfirmLoad(groups: groups / 4, writers: writers), in: folder)
let result = BenchmarkResult(
    sqliteFile: true, busyTimeoutSeconds: TelemedDatabase.busyTimeoutSeconds, singleWriter: single,
    concurrentWriters: concurrent)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
