import Foundation

extension TelemedDatabase {
    /// Opens a browser session for an access code until `expires`; returns the session's id, what
    /// the cookie holds. Stored by hash with the code's hash (never the code), so every replica of
    /// the database recognises the cookie and a revoked code signs its browsers out at once.
    ///
    /// ```swift
    /// let id = try database.openPageSession(token: code, expires: now.addingTimeInterval(12 * 3600))
    /// let role = try database.pageSessionRole(id, now: now)   // nil once revoked, closed or expired
    /// ```
    public func openPageSession(token: String, expires: Date) throws -> String {
        let id = Self.randomSecret()
        try database.write { db in
            try db.execute(sql: "DELETE FROM pageSessions WHERE expiresAt <= ?", arguments: [clock.now()])
            try db.execute(
                sql: "INSERT INTO pageSessions (idHash, tokenHash, expiresAt) VALUES (?, ?, ?)",
                arguments: [SecretHash.of(id), SecretHash.of(token), expires])
        }
        return id
    }

    /// The role the session's code still grants; nil when the session is unknown, closed or
    /// expired at `now`, or its code was revoked. One statement: every page asks.
    public func pageSessionRole(_ id: String, now: Date) throws -> AccessRole? {
        guard !id.utf8.contains(0) else { return nil }
        return try database.readStatement { db in
            try db.fetchOne(
                String.self,
                sql: """
                    SELECT t.role FROM pageSessions s JOIN apiTokens t ON t.tokenHash = s.tokenHash
                    WHERE s.idHash = ? AND s.expiresAt > ? AND t.revokedAt IS NULL
                    """,
                arguments: [SecretHash.of(id), now]
            ).flatMap(AccessRole.init)
        }
    }

    /// Ends a session (signing out); nothing happens for an unknown one.
    public func closePageSession(_ id: String) throws {
        guard !id.utf8.contains(0) else { return }
        try database.write { db in
            try db.execute(sql: "DELETE FROM pageSessions WHERE idHash = ?", arguments: [SecretHash.of(id)])
        }
    }
}
