import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Registers an endpoint for `events` and returns it with its new signing secret
    /// (`whsec_` and 64 hex digits), shown once to the caller; the database keeps it sealed.
    /// Audited as `webhook.add` (the URL and events, never the secret).
    public func addWebhook(url: URL, events: [NotificationKind], seal: SecretSeal, actor: String) throws
        -> (webhook: Webhook, secret: String)
    {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw StoreError.invalidWebhook(
                "the URL must be http:// or https:// with a host, not \(url.absoluteString)")
        }
        guard !events.isEmpty else { throw StoreError.invalidWebhook("name at least one event") }
        let webhook = Webhook(
            id: "wh-" + KeyFile.random().prefix(8).lowercaseHex, url: url,
            events: Array(Set(events)).sorted { $0.rawValue < $1.rawValue }, createdAt: clock.now())
        let secret = "whsec_" + KeyFile.random().lowercaseHex
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO webhooks (id, url, events, sealedSecret, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    webhook.id, webhook.url.absoluteString, try StoreJSON.text(webhook.events), try seal.seal(secret),
                    webhook.createdAt,
                ])
            try AuditEntry(
                occurredAt: webhook.createdAt, actor: actor, action: "webhook.add", entityKind: "webhook",
                entityId: webhook.id, after: try StoreJSON.text(webhook)
            ).append(to: db)
        }
        return (webhook, secret)
    }

    /// The registered endpoints, oldest first (removed ones left out).
    public func webhooks() throws -> [Webhook] {
        try database.read { db in try Self.activeWebhooks(db) }
    }

    /// Stops deliveries to a webhook (those pending are left to die out: they are not sent).
    /// ``StoreError/unknownReference(_:)`` when there is none under `id`.
    public func removeWebhook(_ id: String, actor: String) throws {
        try database.write { db in
            let now = clock.now()
            let removed = try db.execute(
                sql: "UPDATE webhooks SET removedAt = ? WHERE id = ? AND removedAt IS NULL", arguments: [now, id])
            guard removed == 1 else { throw StoreError.unknownReference("webhook \(id)") }
            try db.execute(
                sql: """
                    UPDATE deliveries SET state = 'dead', lastError = 'webhook removed'
                    WHERE channel = 'webhook' AND target = ? AND state = 'pending'
                    """, arguments: [id])
            try AuditEntry(occurredAt: now, actor: actor, action: "webhook.remove", entityKind: "webhook", entityId: id)
                .append(to: db)
        }
    }

    /// A webhook's signing secret, for the delivery worker; nil for an unknown or removed one.
    public func webhookSecret(_ id: String, seal: SecretSeal) throws -> (webhook: Webhook, secret: String)? {
        let found = try database.read { db -> (Webhook, Data)? in
            guard
                let row = try db.fetchOne(
                    sql: "SELECT * FROM webhooks WHERE id = ? AND removedAt IS NULL", arguments: [id])
            else { return nil }
            return (try Self.webhook(row), try row.decode(Data.self, "sealedSecret"))
        }
        guard let (webhook, sealed) = found else { return nil }
        return (webhook, try seal.open(sealed))
    }

    static func activeWebhooks(_ db: any SQLConnection) throws -> [Webhook] {
        try db.fetchAll(sql: "SELECT * FROM webhooks WHERE removedAt IS NULL ORDER BY createdAt, id").map(webhook)
    }

    private static func webhook(_ row: SQLRow) throws -> Webhook {
        let events = try StoreJSON.decoder.decode(
            [NotificationKind].self, from: Data(try row.decode(String.self, "events").utf8))
        let stored = try row.decode(String.self, "url")
        guard let url = URL(string: stored) else { throw StoreError.invalidWebhook("stored URL \(stored)") }
        return Webhook(id: try row.decode("id"), url: url, events: events, createdAt: try row.decode("createdAt"))
    }
}
