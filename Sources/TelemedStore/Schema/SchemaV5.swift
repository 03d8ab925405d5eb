import GRDB

/// v5: the proposals the server offered for a request, kept with an expiry so that a booking can
/// pick one after a restart, and free-text notes on a request (never published, never logged).
enum SchemaV5 {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "requests") { t in t.add(column: "notes", .text) }
        try db.create(table: "proposals") { t in
            t.primaryKey("id", .text)
            t.column("requestId", .text).notNull().references("requests", onDelete: .cascade).indexed()
            // The booking a reschedule would replace; no foreign key, since the proposal outlives nothing.
            t.column("replacesBookingId", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull().indexed()
            t.column("proposal", .jsonText).notNull()
            t.check(sql: "json_valid(proposal)")
        }
    }
}
