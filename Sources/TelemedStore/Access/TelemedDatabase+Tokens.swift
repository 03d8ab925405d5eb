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
        let token = Self.randomSecret()
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES (?, ?, ?)",
                arguments: [SecretHash.of(token), role.description, Date()])
            try AuditEntry(
                actor: actor, action: "token.create", entityKind: "apiToken", entityId: String(db.lastInsertedRowID),
                after: StoreJSON.text(["role": role.description])
            ).append(to: db)
        }
        return token
    }

    /// The role of a token that exists and is not revoked; nil otherwise. Looked up by hash.
    public func role(forToken token: String) throws -> AccessRole? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT role FROM apiTokens WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [SecretHash.of(token)]
            ).flatMap(AccessRole.init)
        }
    }

    /// Revokes a token; true when it existed and was active.
    @discardableResult
    public func revokeToken(_ token: String, actor: String) throws -> Bool {
        try writer.write { db in
            let hash = SecretHash.of(token)
            try db.execute(
                sql: "UPDATE apiTokens SET revokedAt = ? WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [Date(), hash])
            guard db.changesCount > 0 else { return false }
            try AuditEntry(
                actor: actor, action: "token.revoke", entityKind: "apiToken", entityId: String(hash.prefix(12))
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
