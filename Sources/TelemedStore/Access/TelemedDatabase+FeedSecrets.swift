import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Whose calendar a feed publishes.
    public enum FeedOwner: Hashable, Sendable {
        case site(String)
        case unit(String)
        case specialist(String)

        /// `site`, `unit` or `specialist`.
        public var kindName: String { kind }
        /// The site, unit or specialist id.
        public var ownerId: String { id }

        var kind: String {
            switch self {
            case .site: "site"
            case .unit: "unit"
            case .specialist: "specialist"
            }
        }

        var id: String {
            switch self {
            case .site(let id), .unit(let id), .specialist(let id): id
            }
        }

        init?(kind: String, id: String) {
            switch kind {
            case "site": self = .site(id)
            case "unit": self = .unit(id)
            case "specialist": self = .specialist(id)
            default: return nil
            }
        }
    }

    /// Creates a new feed secret (the `<secret>` of `/feeds/<secret>.ics`) for `owner`; only its
    /// SHA-256 is stored. An owner may hold several; each is revoked on its own.
    public func createFeedSecret(for owner: FeedOwner, actor: String) throws -> String {
        try createFeedSecrets(for: [owner], actor: actor)[0]
    }

    /// One new feed secret per owner, in one transaction.
    public func createFeedSecrets(for owners: [FeedOwner], actor: String) throws -> [String] {
        let secrets = owners.map { _ in Self.randomSecret() }
        let now = clock.now()
        try database.write { db in
            for (secret, owner) in zip(secrets, owners) {
                try db.execute(
                    sql: "INSERT INTO feedSecrets (secretHash, ownerKind, ownerId, createdAt) VALUES (?, ?, ?, ?)",
                    arguments: [SecretHash.of(secret), owner.kind, owner.id, now])
                try AuditEntry(
                    occurredAt: now, actor: actor, action: "feedSecret.create", entityKind: owner.kind,
                    entityId: owner.id
                ).append(to: db)
            }
        }
        return secrets
    }

    /// What the store knows of a feed secret: nothing, that it is active (with its owner), or that
    /// it was revoked.
    public enum FeedSecretState: Equatable, Sendable {
        case unknown
        case active(FeedOwner)
        case revoked
    }

    /// The state of `secret`, read by its hash.
    public func feedSecretState(_ secret: String) throws -> FeedSecretState {
        try database.read { db in
            guard
                let row = try db.fetchOne(
                    sql: "SELECT ownerKind, ownerId, revokedAt FROM feedSecrets WHERE secretHash = ?",
                    arguments: [SecretHash.of(secret)])
            else { return .unknown }
            if row["revokedAt"] as Date? != nil { return .revoked }
            return FeedOwner(kind: row["ownerKind"], id: row["ownerId"]).map { .active($0) } ?? .unknown
        }
    }

    /// Stores the hash of a secret made by the caller (a server deriving stable links from a key
    /// of its own) for `owner`, audited like ``createFeedSecret(for:actor:)``; true when stored.
    /// A secret already known, active or revoked, is left as it is (false, nothing written), so a
    /// revoked secret never comes back. The secret must be 64 lowercase hexadecimal characters
    /// (256 bits, as random ones are), so a guessable one cannot open a feed.
    ///
    /// ```swift
    /// let stored = try database.registerFeedSecret(derived, for: .site("E-21-0001"), actor: "pages")
    /// ```
    @discardableResult
    public func registerFeedSecret(_ secret: String, for owner: FeedOwner, actor: String) throws -> Bool {
        guard secret.utf8.count == 64,
            secret.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw StoreError.weakFeedSecret }
        let hash = SecretHash.of(secret)
        let now = clock.now()
        return try database.write { db in
            let known = try db.fetchOne(
                Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM feedSecrets WHERE secretHash = ?)", arguments: [hash])
            guard known == false else { return false }
            try db.execute(
                sql: "INSERT INTO feedSecrets (secretHash, ownerKind, ownerId, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [hash, owner.kind, owner.id, now])
            try AuditEntry(
                occurredAt: now, actor: actor, action: "feedSecret.create", entityKind: owner.kind, entityId: owner.id
            ).append(to: db)
            return true
        }
    }

    /// The owner of an active feed secret; nil when unknown or revoked.
    public func feedOwner(forSecret secret: String) throws -> FeedOwner? {
        try database.read { db in
            guard
                let row = try db.fetchOne(
                    sql: "SELECT ownerKind, ownerId FROM feedSecrets WHERE secretHash = ? AND revokedAt IS NULL",
                    arguments: [SecretHash.of(secret)])
            else { return nil }
            return FeedOwner(kind: row["ownerKind"], id: row["ownerId"])
        }
    }

    /// Revokes one feed secret; true when it existed and was active.
    @discardableResult
    public func revokeFeedSecret(_ secret: String, actor: String) throws -> Bool {
        let now = clock.now()
        return try database.write { db in
            guard
                let row = try db.fetchOne(
                    sql: "SELECT ownerKind, ownerId FROM feedSecrets WHERE secretHash = ? AND revokedAt IS NULL",
                    arguments: [SecretHash.of(secret)])
            else { return false }
            try db.execute(
                sql: "UPDATE feedSecrets SET revokedAt = ? WHERE secretHash = ?",
                arguments: [now, SecretHash.of(secret)])
            try AuditEntry(
                occurredAt: now, actor: actor, action: "feedSecret.revoke", entityKind: row["ownerKind"],
                entityId: row["ownerId"]
            ).append(to: db)
            return true
        }
    }
}
