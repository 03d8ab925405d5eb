import Foundation
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
        try database.write { db in
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
        try database.write { db in
            let known =
                try db.fetchOne(
                    Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM apiTokens WHERE tokenHash = ?)",
                    arguments: [SecretHash.of(token)]) ?? false
            if known { return false }
            try Self.insertToken(token, role: role, actor: actor, at: clock.now(), db)
            return true
        }
    }

    private static func insertToken(
        _ token: String, role: AccessRole, actor: String, at now: Date, _ db: any SQLConnection
    ) throws {
        let id = try db.fetchOne(
            Int64.self, sql: "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES (?, ?, ?) RETURNING id",
            arguments: [SecretHash.of(token), role.description, now])
        try AuditEntry(
            occurredAt: now, actor: actor, action: "token.create", entityKind: "apiToken",
            entityId: id.map { String($0) } ?? "?",
            after: StoreJSON.text(["role": role.description])
        ).append(to: db)
    }

    /// The role of a token that exists and is not revoked; nil otherwise. Looked up by hash.
    public func role(forToken token: String) throws -> AccessRole? {
        let hash = SecretHash.of(token)
        // Read on every API request: one statement.
        return try database.readStatement { db in
            try db.fetchOne(
                String.self, sql: "SELECT role FROM apiTokens WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [hash]
            ).flatMap(AccessRole.init)
        }
    }

    /// Revokes a token; true when it existed and was active.
    @discardableResult
    public func revokeToken(_ token: String, actor: String) throws -> Bool {
        let now = clock.now()
        return try database.write { db in
            let hash = SecretHash.of(token)
            let revoked = try db.execute(
                sql: "UPDATE apiTokens SET revokedAt = ? WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [now, hash])
            guard revoked > 0 else { return false }
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
