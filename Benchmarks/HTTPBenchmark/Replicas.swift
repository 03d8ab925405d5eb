import BenchmarkSupport
import Foundation
import TelemedCore
import TelemedStore
import TelemedTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Confirmations over HTTP on PostgreSQL with one and with two replicas, each run on a fresh copy
/// (``TelemedDatabase/copy(to:)``) of the SQLite run's starting database in a throwaway cluster,
/// then `telemed db check`; and one replica killed (SIGKILL) under load.
struct ReplicaResults: Encodable {
    struct Run: Encodable {
        var replicas: Int
        /// One wrk per replica, the connections split between them; requests summed.
        var requests: Int
        var non2xx: Int
        var socketErrors: Int
        var confirmedPerSecond: Double
        var latencyP50Microseconds: [Int]
        var latencyP99Microseconds: [Int]
        var confirmedInDatabase: Int
        var dbCheckPassed: Bool
        var dbCheckOutput: String
    }

    struct Kill: Encodable {
        /// 201 answers the clients received, before and after the kill.
        var acknowledged: Int
        var acknowledgedAfterKill: Int
        /// Acknowledged bookings not confirmed in the database afterwards: must be 0.
        var lost: Int
        var dbCheckPassed: Bool
    }

    var postgresVersion: String
    var runs: [Run]
    var kill: Kill
}

enum ReplicaRuns {
    static func run(
        telemed: URL, template: TelemedDatabase, load: BookableLoad, preBooked: Int, wrk: Wrk, adminToken: String,
        folder: URL
    ) async throws -> ReplicaResults {
        let cluster = try PostgresTestCluster.shared()
        let version = try cluster.run("postgres", ["--version"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var runs: [ReplicaResults.Run] = []
        for replicas in [1, 2] {
            let address = try fresh(template, cluster)
            let servers = try (0..<replicas).map { index in
                try ServerProcess(
                    telemed: telemed, location: address, adminToken: adminToken,
                    log: folder.appendingPathComponent("replica-\(replicas)-\(index).log"))
            }
            // One wrk per replica, each posting its own ids (every `replicas`-th from its offset).
            let share = Wrk(
                threads: 1, connections: max(1, wrk.connections / replicas), seconds: wrk.seconds, folder: folder)
            let urls = servers.map { $0.baseURL.appendingPathComponent("api/v1/bookings") }
            let summaries = try parallel(
                urls.indices.map { index in
                    {
                        try share.run(
                            urls[index],
                            headers: ["Authorization: Bearer \(adminToken)", "Content-Type: application/json"],
                            script: Wrk.confirmations, arguments: ["\(preBooked + index)", "\(replicas)"])
                    }
                })
            for server in servers { _ = server.stop() }
            let (passed, output) = try LoadVerdict.check(telemed, address)
            let requests = summaries.map(\.requests).reduce(0, +)
            let non2xx = summaries.map(\.non2xx).reduce(0, +)
            let seconds = summaries.map { Double($0.durationMicroseconds) / 1e6 }.max() ?? 1
            runs.append(
                ReplicaResults.Run(
                    replicas: replicas, requests: requests, non2xx: non2xx,
                    socketErrors: summaries.map(\.socketErrors).reduce(0, +),
                    confirmedPerSecond: Double(requests - non2xx) / seconds,
                    latencyP50Microseconds: summaries.map(\.latencyMicroseconds.p50),
                    latencyP99Microseconds: summaries.map(\.latencyMicroseconds.p99),
                    confirmedInDatabase: try LoadVerdict.confirmed(
                        in: TelemedDatabase.open(address, clock: .system), load) - preBooked, dbCheckPassed: passed,
                    dbCheckOutput: output))
        }
        return ReplicaResults(
            postgresVersion: version, runs: runs,
            kill: try await killUnderLoad(
                telemed: telemed, template: template, cluster: cluster, load: load, preBooked: preBooked,
                adminToken: adminToken, seconds: wrk.seconds, folder: folder))
    }

    /// Two replicas, 16 clients posting distinct proposals to each in turn; after a third of the
    /// time the first replica is killed and the clients go on with the second. Every booking a
    /// client saw acknowledged (201) must be confirmed in the database.
    private static func killUnderLoad(
        telemed: URL, template: TelemedDatabase, cluster: PostgresTestCluster, load: BookableLoad, preBooked: Int,
        adminToken: String, seconds: Int, folder: URL
    ) async throws -> ReplicaResults.Kill {
        let address = try fresh(template, cluster)
        let servers = try (0..<2).map { index in
            try ServerProcess(
                telemed: telemed, location: address, adminToken: adminToken,
                log: folder.appendingPathComponent("kill-\(index).log"))
        }
        let urls = servers.map { $0.baseURL.appendingPathComponent("api/v1/bookings") }
        let clients = 16
        let end = ContinuousClock.now + .seconds(seconds)
        let killAt = ContinuousClock.now + .seconds(Double(seconds) / 3)
        let killed = KillSwitch()
        let total = load.bookings
        let acknowledged = try await withThrowingTaskGroup(of: [(String, Bool)].self) { group in
            for client in 0..<clients {
                group.addTask {
                    let session = URLSession(configuration: .ephemeral)
                    var mine: [(String, Bool)] = []
                    var index = preBooked + client
                    var turn = client
                    while ContinuousClock.now < end && index < total {
                        let target = killed.isSet ? 1 : turn % 2
                        turn += 1
                        var request = URLRequest(url: urls[target])
                        request.httpMethod = "POST"
                        request.setValue("Bearer \(adminToken)", forHTTPHeaderField: "Authorization")
                        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        request.httpBody = Data(#"{"proposalId":"P-\#(index)"}"#.utf8)
                        request.timeoutInterval = 10
                        index += clients
                        guard let (data, response) = try? await session.data(for: request),
                            (response as? HTTPURLResponse)?.statusCode == 201,
                            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                            let id = body["id"] as? String
                        else { continue }
                        mine.append((id, killed.isSet))
                    }
                    return mine
                }
            }
            try await Task.sleep(until: killAt)
            servers[0].kill()
            killed.set()
            return try await group.reduce(into: []) { $0 += $1 }
        }
        _ = servers[1].stop()
        let database = try TelemedDatabase.open(address, clock: .system)
        var lost = 0
        for (id, _) in acknowledged
        where try DatabaseBookingStore(database).booking(Booking.ID(id))?.status != .confirmed {
            lost += 1
        }
        return ReplicaResults.Kill(
            acknowledged: acknowledged.count, acknowledgedAfterKill: acknowledged.filter(\.1).count, lost: lost,
            dbCheckPassed: try LoadVerdict.check(telemed, address).passed)
    }

    /// A new database of the cluster holding a copy of `template`.
    private static func fresh(_ template: TelemedDatabase, _ cluster: PostgresTestCluster) throws -> String {
        let address = try cluster.makeDatabase("bench")
        try template.copy(to: try TelemedDatabase.open(address, clock: .system))
        return address
    }

    /// Runs the bodies on threads of their own, together; their results in order.
    private static func parallel<T: Sendable>(_ bodies: [@Sendable () throws -> T]) throws -> [T] {
        let results = ResultBox<T>(count: bodies.count)
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            results.set(index, Result { try bodies[index]() })
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Set once, read by every client.
private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<T, any Error>?]
    init(count: Int) { stored = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<T, any Error>) { lock.withLock { stored[index] = result } }
    var values: [Result<T, any Error>?] { lock.withLock { stored } }
}
