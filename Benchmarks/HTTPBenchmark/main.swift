// The HTTP service under load from wrk on loopback (2 threads, 64 connections by default):
// GET /healthz (the ceiling: routing and HTTP only), GET of a cached site feed, and
// POST /api/v1/bookings confirming distinct proposals, followed by `telemed db check` (no double
// booking) on the file. Runs the `telemed` binary given (build it with -c release first).
// Prints one JSON object.
// With --replicas, the same confirmations on PostgreSQL (a throwaway cluster) with one and with
// two `telemed serve` replicas, and one of two replicas killed under load (`Replicas.swift`).
// Usage: HTTPBenchmark [--telemed .build/release/telemed] [--bookings 30000] [--seconds 5]
//                      [--threads 2] [--connections 64] [--replicas] [--keep]
import BenchmarkSupport
import Foundation
import TelemedCore
import TelemedStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct Rate: Encodable {
    var requests: Int
    var seconds: Double
    var perSecond: Double
    var non2xx: Int
    var socketErrors: Int
    var latencyMicroseconds: Wrk.Latency
    /// Server CPU time (user and system, all threads) per request answered, in microseconds.
    var serverCPUMicrosecondsPerRequest: Double

    init(_ summary: Wrk.Summary, serverCPUSeconds: Double) {
        requests = summary.requests
        seconds = Double(summary.durationMicroseconds) / 1e6
        perSecond = summary.requestsPerSecond
        non2xx = summary.non2xx
        socketErrors = summary.socketErrors
        latencyMicroseconds = summary.latencyMicroseconds
        serverCPUMicrosecondsPerRequest = summary.requests > 0 ? serverCPUSeconds * 1e6 / Double(summary.requests) : 0
    }
}

struct Confirmations: Encodable {
    var posted: Rate
    /// 201 answers wrk received in its run, per second of the run.
    var confirmedPerSecond: Double
    /// Confirmed bookings in the file afterwards (a few more than the 201s counted: requests in
    /// flight when wrk stopped its clock still complete).
    var confirmedInDatabase: Int
    /// Confirmations per group commit, from the server's `/metrics`.
    var meanGroupSize: Double
    var dbCheckPassed: Bool
    var dbCheckOutput: String
}

struct BenchmarkResult: Encodable {
    var threads: Int
    var connections: Int
    var secondsPerRun: Int
    var healthz: Rate
    var cachedFeed: Rate
    var cachedFeedBytes: Int
    var bookings: Confirmations
    var serverExit: Int32
    var postgres: ReplicaResults?
}

func option(_ name: String, default value: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

let telemed = URL(fileURLWithPath: option("--telemed", default: ".build/release/telemed"))
let load = BookableLoad(bookings: Int(option("--bookings", default: "30000"))!, specialists: 40)
let wrkFolder = FileManager.default.temporaryDirectory.appendingPathComponent("http-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: wrkFolder, withIntermediateDirectories: true)
// `--keep`: the databases and the servers' logs stay, for a look at what went wrong.
defer { if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: wrkFolder) } }
let wrk = Wrk(
    threads: Int(option("--threads", default: "2"))!, connections: Int(option("--connections", default: "64"))!,
    seconds: Int(option("--seconds", default: "5"))!, folder: wrkFolder)

// The database: the load's region, every proposal stored, and the first slot of every specialist
// confirmed beforehand so the site feed holds a realistic month of sessions (one per specialist).
let databaseFile = wrkFolder.appendingPathComponent("telemed.sqlite")
let database = try TelemedDatabase.openFile(at: databaseFile.path, clock: .system)
try database.importScenario(load.scenario(), actor: "benchmark")
let now = Date()
try database.saveProposals((0..<load.bookings).map { load.proposal($0, now: now) })
let store = DatabaseBookingStore(database)
let preBooked = load.specialists
for index in 0..<preBooked {
    let proposal = load.proposal(index, now: now)
    _ = try store.book(proposal.booking(id: Booking.ID("B-\(index)")), route: nil, replacing: nil, actor: "benchmark")
}
let feedSecret = try database.createFeedSecret(for: .site(BookableLoad.siteId.rawValue), actor: "benchmark")
let adminToken = "http-benchmark-admin-token-0123456789"
// The starting state, kept for the PostgreSQL runs.
let templateFile = wrkFolder.appendingPathComponent("template.sqlite")
try database.backup(to: templateFile.path)

let server = try ServerProcess(
    telemed: telemed, database: databaseFile, adminToken: adminToken,
    log: wrkFolder.appendingPathComponent("server.log"))
/// Runs wrk and measures the server's CPU time over the run.
@MainActor func measured(_ run: () throws -> Wrk.Summary) rethrows -> Rate {
    let before = server.cpuSeconds
    let summary = try run()
    return Rate(summary, serverCPUSeconds: server.cpuSeconds - before)
}
let healthz = try measured { try wrk.run(server.baseURL.appendingPathComponent("healthz")) }
let feedURL = server.baseURL.appendingPathComponent("feeds/\(feedSecret).ics")
let feedBytes = try await URLSession.shared.data(from: feedURL).0.count
let feed = try measured { try wrk.run(feedURL) }
let postedRate = try measured {
    try wrk.run(
        server.baseURL.appendingPathComponent("api/v1/bookings"),
        headers: ["Authorization: Bearer \(adminToken)", "Content-Type: application/json"],
        script: Wrk.confirmations, arguments: ["\(preBooked)", "\(wrk.threads)"])
}
let metrics = String(
    decoding: try await URLSession.shared.data(from: server.baseURL.appendingPathComponent("metrics")).0, as: UTF8.self)
func counter(_ name: String) -> Double {
    metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
        ?? 0
}
let meanGroupSize = counter("telemed_booking_group_intents_total") / max(1, counter("telemed_booking_groups_total"))
let serverExit = server.stop()

let confirmed = try LoadVerdict.confirmed(in: database, load) - preBooked
let check = try LoadVerdict.check(telemed, databaseFile.path)

let result = BenchmarkResult(
    threads: wrk.threads, connections: wrk.connections, secondsPerRun: wrk.seconds, healthz: healthz,
    cachedFeed: feed, cachedFeedBytes: feedBytes,
    bookings: Confirmations(
        posted: postedRate,
        confirmedPerSecond: Double(postedRate.requests - postedRate.non2xx) / postedRate.seconds,
        confirmedInDatabase: confirmed, meanGroupSize: meanGroupSize,
        dbCheckPassed: check.passed, dbCheckOutput: check.output),
    serverExit: serverExit,
    postgres: CommandLine.arguments.contains("--replicas")
        ? try await ReplicaRuns.run(
            telemed: telemed, template: try TelemedDatabase.openFile(at: templateFile.path, clock: .system), load: load,
            preBooked: preBooked, wrk: wrk, adminToken: adminToken, folder: wrkFolder) : nil)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
