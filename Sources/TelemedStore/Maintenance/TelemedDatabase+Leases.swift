import Foundation

extension TelemedDatabase {
    /// Takes or renews the lease `name` for `holder` until `duration` from the clock's now, when
    /// nobody else holds it unexpired; true when `holder` now holds it. A duty that must run in one
    /// place at a time (the nightly roll, the outbox's delivery) runs only while its replica holds
    /// the lease; a replica that stops renewing (killed, cut off) loses it when it expires, and
    /// another takes over. On one SQLite file with one server it is always granted.
    ///
    /// ```swift
    /// if try database.acquireLease("outbox", holder: replica, for: 60) { try await worker.round() }
    /// ```
    public func acquireLease(_ name: String, holder: String, for duration: TimeInterval) throws -> Bool {
        let now = clock.now()
        return try database.write { db in
            let taken = try db.execute(
                sql: """
                    INSERT INTO leases (name, holder, expiresAt) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expiresAt = excluded.expiresAt
                    WHERE leases.holder = excluded.holder OR leases.expiresAt <= ?
                    """,
                arguments: [name, holder, now.addingTimeInterval(duration), now])
            return taken == 1
        }
    }

    /// Gives the lease up at once (a graceful stop), when `holder` holds it.
    public func releaseLease(_ name: String, holder: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM leases WHERE name = ? AND holder = ?", arguments: [name, holder])
        }
    }

    /// Who holds the lease `name` unexpired at the clock's now; nil when nobody does.
    public func leaseHolder(_ name: String) throws -> String? {
        try database.read { db in
            try db.fetchOne(
                String.self, sql: "SELECT holder FROM leases WHERE name = ? AND expiresAt > ?",
                arguments: [name, clock.now()])
        }
    }
}
