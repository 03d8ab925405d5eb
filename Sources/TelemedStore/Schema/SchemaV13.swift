import GRDB

/// v13: the transactional outbox. `outbox` holds each notifiable change, written in the change's
/// own transaction (so a change is never committed without its event, nor an event without its
/// change); `deliveries` one row per event and destination, made by the delivery worker, with its
/// attempts and back-off, until delivered or dead; `webhooks` the integrators' endpoints with the
/// events they take and their signing secret sealed (AES-GCM) with the service's key file.
enum SchemaV13 {
    static func migrate(_ db: Database) throws {
        try db.create(table: "outbox") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("occurredAt", .datetime).notNull()
            t.column("event", .jsonText).notNull()
            // Deliveries made for it (the worker's fan-out); new events have none yet.
            t.column("fannedOut", .boolean).notNull().defaults(to: false)
            t.check(sql: "json_valid(event)")
        }
        try db.create(table: "deliveries") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("eventId", .text).notNull().references("outbox")
            t.column("channel", .text).notNull().check(sql: "channel IN ('webhook', 'email')")
            // The webhook's id, or the e-mail address.
            t.column("target", .text).notNull()
            t.column("state", .text).notNull().check(sql: "state IN ('pending', 'delivered', 'dead')")
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("nextAttemptAt", .datetime).notNull()
            t.column("lastError", .text)
            t.column("deliveredAt", .datetime)
        }
        try db.create(table: "webhooks") { t in
            t.primaryKey("id", .text)
            t.column("url", .text).notNull()
            t.column("events", .jsonText).notNull()
            t.column("sealedSecret", .blob).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("removedAt", .datetime)
            t.check(sql: "json_valid(events)")
        }
        try db.execute(
            sql: """
                CREATE INDEX outbox_new ON outbox (occurredAt) WHERE fannedOut = 0;
                CREATE INDEX outbox_time ON outbox (occurredAt);
                CREATE UNIQUE INDEX deliveries_once ON deliveries (eventId, channel, target);
                CREATE INDEX deliveries_due ON deliveries (nextAttemptAt) WHERE state = 'pending';
                CREATE INDEX deliveries_state ON deliveries (state, id);
                """)
    }
}
