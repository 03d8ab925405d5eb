import GRDB

/// v8: partial indexes over committed (confirmed or done) bookings, for the queries of the confirm
/// re-check (``CommittedSlice``). A site's room check asks for the committed site-hosted sessions
/// that overlap the new one; on `bookings_site_time` SQLite read every booking row of the site in
/// the day before to test status, host and end. Here status and host are the index's condition
/// and `end` is in the index, so only the overlapping rows are read. The specialist's index skips
/// the proposed bookings of the day, which a busy specialist has many of.
///
/// The queries must repeat the indexes' conditions word for word: SQLite uses a partial index
/// only when the query's WHERE clause contains its terms.
enum SchemaV8 {
    static let committed = "status IN ('confirmed', 'done')"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX bookings_committed_site ON bookings (siteId, start, end)
                    WHERE \(committed) AND hostUnitId IS NULL;
                CREATE INDEX bookings_committed_specialist ON bookings (specialistId, start)
                    WHERE \(committed);
                """)
    }
}
