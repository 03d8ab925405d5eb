import TelemedCore

/// Sessions done, by the local date of their start, counted by urgency and wait: that date minus
/// the request's release date, in whole days. A histogram, so percentiles are taken over a few
/// hundred rows at most rather than one row per session.
enum WaitCountQuery {
    static func sql(days: ActivityDays, dialect: SQLDialect) -> String {
        """
        \(days.sql)
        SELECT r.urgency AS urgency,
               \(dialect.daysBetween("r.releaseDate", "days.date")) AS waitDays,
               COUNT(*) AS sessions
        FROM days
        JOIN \(ActivityDays.bookingsByStart(dialect)) ON b.start >= days.dayStart AND b.start < days.dayEnd
        JOIN requests r ON r.id = b.requestId
        WHERE b.status = 'done'
        GROUP BY urgency, waitDays
        ORDER BY urgency, waitDays
        """
    }

    static func fetch(_ db: any SQLConnection, period: ActivityPeriod) throws -> [WaitCount] {
        let days = ActivityDays(period)
        return try db.fetchAll(sql: sql(days: days, dialect: db.dialect), arguments: days.arguments).map { row in
            let text: String = row["urgency"]
            guard let urgency = Urgency(rawValue: text) else { throw StoreError.unknownReference("urgency \(text)") }
            return WaitCount(urgency: urgency, days: row["waitDays"], sessions: row["sessions"])
        }
    }
}
