import GRDB
import TelemedCore

/// Sessions done, by the local date of their start, counted by urgency and wait: that date minus
/// the request's release date, in whole days. A histogram, so percentiles are taken over a few
/// hundred rows at most rather than one row per session.
enum WaitCountQuery {
    static func sql(days: ActivityDays) -> String {
        """
        \(days.sql)
        SELECT r.urgency AS urgency,
               CAST(round(julianday(days.date) - julianday(r.releaseDate)) AS INTEGER) AS waitDays,
               COUNT(*) AS sessions
        FROM days
        JOIN bookings b INDEXED BY bookings_start ON b.start >= days.dayStart AND b.start < days.dayEnd
        JOIN requests r ON r.id = b.requestId
        WHERE b.status = 'done'
        GROUP BY urgency, waitDays
        ORDER BY urgency, waitDays
        """
    }

    static func fetch(_ db: Database, period: ActivityPeriod) throws -> [WaitCount] {
        let days = ActivityDays(period)
        return try Row.fetchAll(db, sql: sql(days: days), arguments: days.arguments).map { row in
            let text: String = row["urgency"]
            guard let urgency = Urgency(rawValue: text) else { throw StoreError.unknownReference("urgency \(text)") }
            return WaitCount(urgency: urgency, days: row["waitDays"], sessions: row["sessions"])
        }
    }
}
