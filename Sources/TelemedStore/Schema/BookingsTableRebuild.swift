import GRDB

/// The bookings table rebuilt with a wider status CHECK, the documented way (create, copy, drop,
/// rename) since SQLite cannot change a column's CHECK, with every index recreated and the committed
/// partial indexes made with `committed`. Shared by the migrations that add statuses (v10, v12):
/// each passes the lists of its own time, so an older file replays exactly what shipped.
enum BookingsTableRebuild {
    static func run(_ db: Database, statuses: [String], committed: String, copiesOutcomeReason: Bool) throws {
        let allowed = statuses.map { "'\($0)'" }.joined(separator: ", ")
        try db.create(table: "bookings_rebuilt") { t in
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
            t.column("status", .text).notNull().check(sql: "status IN (\(allowed))")
            t.column("version", .integer).notNull().check { $0 >= 1 }
            t.column("room", .integer)
            t.column("outcomeReason", .text)
            t.check(sql: "start < end")
            t.check(sql: "(reviewStart IS NULL) = (reviewEnd IS NULL)")
            t.check(sql: "outcomeReason IS NULL OR status IN ('noShow', 'notHeld')")
        }
        let columns =
            "id, position, requestId, specialistId, siteId, start, end, reviewStart, reviewEnd, hostUnitId, status, "
            + "version, room" + (copiesOutcomeReason ? ", outcomeReason" : "")
        try db.execute(
            sql: """
                INSERT INTO bookings_rebuilt (\(columns)) SELECT \(columns) FROM bookings;
                DROP TABLE bookings;
                ALTER TABLE bookings_rebuilt RENAME TO bookings;
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
