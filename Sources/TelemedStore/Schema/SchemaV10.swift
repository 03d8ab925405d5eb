import GRDB

/// v10: the outcome of each session. `bookings.status` also takes `noShow` and `notHeld`, and
/// `outcomeReason` says why, when someone said (`OutcomeReason`). SQLite cannot change a column's
/// CHECK, so the table is rebuilt the documented way (create, copy, drop, rename), with its indexes
/// and the committed partial indexes of v8 widened to `noShow`: a missed session kept its
/// specialist and room. Foreign keys are off during migrations and checked after this one.
enum SchemaV10 {
    static let committed = "status IN ('confirmed', 'done', 'noShow')"

    static func migrate(_ db: Database) throws {
        try db.create(table: "bookings_v10") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("requestId", .text).notNull().references("requests")
            t.column("specialistId", .text).references("specialists")
            t.column("siteId", .text).notNull().references("sites")
            t.column("start", .datetime).notNull()
            t.column("end", .datetime).notNull()
            t.column("reviewStart", .datetime)
            t.column("reviewEnd", .datetime)
            t.column("hostUnitId", .text).references("units")
            t.column("status", .text).notNull()
                .check(sql: "status IN ('proposed', 'confirmed', 'cancelled', 'done', 'noShow', 'notHeld')")
            t.column("version", .integer).notNull().check { $0 >= 1 }
            t.column("room", .integer)
            t.column("outcomeReason", .text)
            t.check(sql: "start < end")
            t.check(sql: "(reviewStart IS NULL) = (reviewEnd IS NULL)")
            t.check(sql: "outcomeReason IS NULL OR status IN ('noShow', 'notHeld')")
        }
        try db.execute(
            sql: """
                INSERT INTO bookings_v10 (id, position, requestId, specialistId, siteId, start, end, reviewStart,
                    reviewEnd, hostUnitId, status, version, room)
                SELECT id, position, requestId, specialistId, siteId, start, end, reviewStart, reviewEnd,
                    hostUnitId, status, version, room FROM bookings;
                DROP TABLE bookings;
                ALTER TABLE bookings_v10 RENAME TO bookings;
                CREATE INDEX bookings_on_requestId ON bookings (requestId);
                CREATE INDEX bookings_site_time ON bookings (siteId, start);
                CREATE INDEX bookings_specialist_time ON bookings (specialistId, start);
                CREATE INDEX bookings_unit_time ON bookings (hostUnitId, start);
                CREATE INDEX bookings_start ON bookings (start);
                CREATE INDEX bookings_committed_site ON bookings (siteId, start, end)
                    WHERE \(committed) AND hostUnitId IS NULL;
                CREATE INDEX bookings_committed_specialist ON bookings (specialistId, start)
                    WHERE \(committed);
                """)
    }
}
