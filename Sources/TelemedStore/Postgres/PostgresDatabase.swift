import Foundation
import Logging

/// ``SQLDatabase`` on PostgreSQL. Writes run SERIALIZABLE: PostgreSQL lets two transactions run
/// side by side and aborts one (SQLSTATE 40001) when their reads and writes could not have run one
/// after the other; the aborted one runs again from the start, up to ``maximumAttempts`` times.
/// So a write sees what SQLite's single writer would have shown it, while writes that touch
/// different rows (two sites, two specialists) do not wait for each other. Reads run REPEATABLE
/// READ: one snapshot for the whole read, as a SQLite read in WAL mode.
final class PostgresStoreDatabase: SQLDatabase, @unchecked Sendable {
    let pool: PostgresPool
    /// Runs of one write before its serialization failure is reported.
    let maximumAttempts: Int

    var dialect: SQLDialect { .postgres }

    /// Called after each committed write (the change watch counts it).
    let didWrite: @Sendable () -> Void

    init(pool: PostgresPool, maximumAttempts: Int = 20, didWrite: @escaping @Sendable () -> Void = {}) {
        self.pool = pool
        self.maximumAttempts = maximumAttempts
        self.didWrite = didWrite
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in
            try transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
        }
    }

    /// The wait before run `attempt` of a write that lost a race: random (so the transactions that
    /// collided do not collide again) and doubling from 2 ms up to half a second, so a retry
    /// can outlast the long transaction it keeps colliding with (another replica's group commit
    /// takes a few hundred milliseconds; without the doubling, twenty quick retries all failed
    /// against one such transaction in `HTTPBenchmark --replicas`).
    static func pause(before attempt: Int) -> TimeInterval {
        let ceiling = min(0.002 * Double(1 << min(attempt - 1, 16)), 0.5)
        return Double.random(in: 0.5...1) * ceiling
    }

    func readStatement<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in try body(connection) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                let result = try pool.withConnection { connection in
                    try transaction(connection, begin: "BEGIN ISOLATION LEVEL SERIALIZABLE", body)
                }
                didWrite()
                return result
            } catch let error as PostgresStatementError where error.isRetryable && attempt < maximumAttempts {
                attempt += 1
                Thread.sleep(forTimeInterval: Self.pause(before: attempt))
            }
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        // The pool blocks while it waits for a connection and each statement waits for its answer:
        // a thread of its own keeps that off the caller's executor.
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.write(body) })
            }
        }
    }

    private func transaction<T>(
        _ connection: PostgresSQLConnection, begin: String, _ body: (any SQLConnection) throws -> T
    ) throws -> T {
        try connection.execute(sql: begin)
        do {
            let result = try body(connection)
            try connection.execute(sql: "COMMIT")
            return result
        } catch {
            // A failed statement leaves the transaction aborted; ROLLBACK ends it either way.
            _ = try? connection.execute(sql: "ROLLBACK")
            throw error
        }
    }
}
