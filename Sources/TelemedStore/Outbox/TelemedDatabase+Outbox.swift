import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Makes the deliveries of the events not fanned out yet, in one transaction: one per webhook
    /// that takes the event's kind (webhooks added later do not receive older events) and, when
    /// `email` (the server has a relay), one per address the event concerns
    /// (``NotificationRecipients``). Returns how many deliveries were made. The delivery worker
    /// calls it before each round.
    @discardableResult
    public func fanOutEvents(email: Bool = false, limit: Int = 256) throws -> Int {
        try database.write { db in
            let events = try db.fetchAll(
                sql:
                    "SELECT id, kind, event FROM outbox WHERE fannedOut = 0 ORDER BY \(db.dialect.insertionOrder) LIMIT ?",
                arguments: [limit])
            guard !events.isEmpty else { return 0 }
            let webhooks = try Self.activeWebhooks(db)
            let now = clock.now()
            let insert = """
                INSERT INTO deliveries (eventId, channel, target, state, attempts, nextAttemptAt)
                VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT (eventId, channel, target) DO NOTHING
                """
            var made = 0
            for row in events {
                let id: String = row["id"]
                let kind = NotificationKind(rawValue: row["kind"])
                for webhook in webhooks where kind.map(webhook.events.contains) == true {
                    made += try db.execute(
                        sql: insert, arguments: [id, Delivery.Channel.webhook.rawValue, webhook.id, now])
                }
                if email {
                    let event = try StoreJSON.decoder.decode(
                        NotificationEvent.self, from: Data((row["event"] as String).utf8))
                    for address in try NotificationRecipients.addresses(of: event, db) {
                        made += try db.execute(
                            sql: insert, arguments: [id, Delivery.Channel.email.rawValue, address, now])
                    }
                }
                try db.execute(sql: "UPDATE outbox SET fannedOut = 1 WHERE id = ?", arguments: [id])
            }
            return made
        }
    }

    /// Marks every event not fanned out yet as handled, with no delivery: what a region's set-up
    /// confirmed bootstraps it and is nobody's news. Returns how many.
    @discardableResult
    public func acknowledgeEvents() throws -> Int {
        try database.write { db in
            try db.execute(sql: "UPDATE outbox SET fannedOut = 1 WHERE fannedOut = 0")
        }
    }

    /// Pending deliveries whose time has come, oldest first, with their events.
    public func dueDeliveries(limit: Int = 32) throws -> [Delivery] {
        try database.read { db in
            try Self.deliveries(
                db, where: "d.state = 'pending' AND d.nextAttemptAt <= ? ORDER BY d.nextAttemptAt, d.id LIMIT ?",
                [clock.now(), limit])
        }
    }

    /// When the next pending delivery is due, if any: the worker sleeps until then.
    public func nextDeliveryAt() throws -> Date? {
        try database.read { db in
            try db.fetchOne(Date.self, sql: "SELECT MIN(nextAttemptAt) FROM deliveries WHERE state = 'pending'")
        }
    }

    public func markDelivered(_ id: Int64) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, deliveredAt = ?,
                    lastError = NULL WHERE id = ?
                    """, arguments: [clock.now(), id])
        }
    }

    /// A failed try: again at `retryAt`, or dead when nil (refused for good, or out of time).
    public func markFailed(_ id: Int64, error: String, retryAt: Date?) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE deliveries SET attempts = attempts + 1, lastError = ?, state = ?,
                    nextAttemptAt = COALESCE(?, nextAttemptAt) WHERE id = ?
                    """,
                arguments: [
                    String(error.prefix(500)),
                    retryAt == nil ? Delivery.State.dead.rawValue : Delivery.State.pending.rawValue,
                    retryAt, id,
                ])
        }
    }

    /// Deliveries in `state`, newest first: what admins look at (`GET /api/v1/admin/outbox`).
    public func deliveries(in state: Delivery.State, limit: Int = 100) throws -> [Delivery] {
        try database.read { db in
            try Self.deliveries(db, where: "d.state = ? ORDER BY d.id DESC LIMIT ?", [state.rawValue, limit])
        }
    }

    /// A delivery, by id.
    public func delivery(_ id: Int64) throws -> Delivery? {
        try database.read { db in try Self.deliveries(db, where: "d.id = ?", [id]).first }
    }

    /// Sends a delivery again from now, with its attempts counted afresh (a dead one, after the
    /// receiver was fixed). Same event, same id: the receiver can tell it is a repeat. Audited as
    /// `outbox.replay`. ``StoreError/unknownReference(_:)`` for an unknown id.
    @discardableResult
    public func replayDelivery(_ id: Int64, actor: String) throws -> Delivery {
        try database.write { db in
            let now = clock.now()
            let replayed = try db.execute(
                sql: """
                    UPDATE deliveries SET state = 'pending', attempts = 0, nextAttemptAt = ?, lastError = NULL,
                    deliveredAt = NULL WHERE id = ?
                    """, arguments: [now, id])
            guard replayed == 1, let replayed = try Self.deliveries(db, where: "d.id = ?", [id]).first else {
                throw StoreError.unknownReference("delivery \(id)")
            }
            try AuditEntry(
                occurredAt: now, actor: actor, action: "outbox.replay", entityKind: "delivery", entityId: String(id)
            ).append(to: db)
            return replayed
        }
    }

    /// Forgets the events that occurred before `cutoff` and are done with: fanned out, and every
    /// delivery delivered or dead (a dead one is replayed within days, or never). The outbox
    /// would otherwise keep a row per change for ever. Returns how many events went.
    @discardableResult
    public func purgeEvents(before cutoff: Date) throws -> Int {
        try database.write { db in
            let done = """
                SELECT id FROM outbox o WHERE o.fannedOut = 1 AND o.occurredAt < ?
                AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.eventId = o.id AND d.state = 'pending')
                """
            try db.execute(sql: "DELETE FROM deliveries WHERE eventId IN (\(done))", arguments: [cutoff])
            return try db.execute(sql: "DELETE FROM outbox WHERE id IN (\(done))", arguments: [cutoff])
        }
    }

    /// The events recorded, in the order they were written (tests and support).
    public func outboxEvents(limit: Int = 1000) throws -> [NotificationEvent] {
        try database.read { db in
            try db.fetchAll(
                String.self, sql: "SELECT event FROM outbox ORDER BY \(db.dialect.insertionOrder) LIMIT ?",
                arguments: [limit]
            )
            .map { try StoreJSON.decoder.decode(NotificationEvent.self, from: Data($0.utf8)) }
        }
    }

    private static func deliveries(_ db: any SQLConnection, where condition: String, _ arguments: SQLArguments) throws
        -> [Delivery]
    {
        try db.fetchAll(
            sql: "SELECT d.*, o.event FROM deliveries d JOIN outbox o ON o.id = d.eventId WHERE " + condition,
            arguments: arguments
        ).map { row in
            Delivery(
                id: row["id"],
                event: try StoreJSON.decoder.decode(NotificationEvent.self, from: Data((row["event"] as String).utf8)),
                channel: Delivery.Channel(rawValue: row["channel"]) ?? .webhook, target: row["target"],
                state: Delivery.State(rawValue: row["state"]) ?? .pending, attempts: row["attempts"],
                nextAttemptAt: row["nextAttemptAt"], lastError: row["lastError"], deliveredAt: row["deliveredAt"])
        }
    }
}
