import Foundation
import GRDB
import TelemedCore

extension TelemedDatabase {
    /// Creates an API token for `role` and returns it; only its SHA-256 is stored, so it cannot be
    /// shown again. The token is 32 random bytes in hex.
    ///
    /// ```swift
    /// let token = try database.createToken(role: .site("E-58-0001"), actor: "admin")
    /// try database.role(forToken: token)  // .site("E-58-0001")
    /// ```
    public func createToken(role: AccessRole, actor: String) throws -> String {
        try createTokens(for: [role], actor: actor)[0]
    }

    /// One new token per role, in one transaction (a region's sites and units at first start).
    public func createTokens(for roles: [AccessRole], actor: String) throws -> [String] {
        let tokens = roles.map { _ in Self.randomSecret() }
        try writer.write { db in
            for (token, role) in zip(tokens, roles) {
                try Self.insertToken(token, role: role, actor: actor, at: clock.now(), db)
            }
        }
        return tokens
    }

    /// Stores a token the operator chose (`TELEMED_ADMIN_TOKEN` for scripted deployments) unless
    /// it is already stored; returns whether it was added. A revoked token stays revoked.
    @discardableResult
    public func registerToken(_ token: String, role: AccessRole, actor: String) throws -> Bool {
        try writer.write { db in
            let known =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM apiTokens WHERE tokenHash = ?)",
                    arguments: [SecretHash.of(token)]) ?? false
            if known { return false }
            try Self.insertToken(token, role: role, actor: actor, at: clock.now(), db)
            return true
        }
    }

    private static func insertToken(
        _ token: String, role: AccessRole, actor: String, at now: Date, _ db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES (?, ?, ?)",
            arguments: [SecretHash.of(token), role.description, now])
        try AuditEntry(
            occurredAt: now, actor: actor, action: "token.create", entityKind: "apiToken",
            entityId: String(db.lastInsertedRowID),
            after: StoreJSON.text(["role": role.description])
        ).append(to: db)
    }

    /// The role of a token that exists and is not revoked; nil otherwise. Looked up by hash.
    public func role(forToken token: String) throws -> AccessRole? {
        let hash = SecretHash.of(token)
        // Read on every API request: one statement (atomic on its own, so no transaction around
        // it), prepared once per connection.
        return try writer.unsafeRead { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT role FROM apiTokens WHERE tokenHash = ? AND revokedAt IS NULL"),
                arguments: [hash]
            ).flatMap(AccessRole.init)
        }
    }

    /// Revokes a token; true when it existed and was active.
    @discardableResult
    public func revokeToken(_ token: String, actor: String) throws -> Bool {
        let now = clock.now()
        return try writer.write { db in
            let hash = SecretHash.of(token)
            try db.execute(
                sql: "UPDATE apiTokens SET revokedAt = ? WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [now, hash])
            guard db.changesCount > 0 else { return false }
            try AuditEntry(
                occurredAt: now, actor: actor, action: "token.revoke", entityKind: "apiToken",
                entityId: String(hash.prefix(12))
            )
            .append(to: db)
            return true
        }
    }

    /// 32 random bytes from the system generator, lowercase hex.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.lowercaseHex
    }
}
