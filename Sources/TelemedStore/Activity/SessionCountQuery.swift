import GRDB
import TelemedCore

/// Bookings counted by the local date of their start, per month, site and specialty (the
/// request's). Only sessions that were confirmed at some point: those confirmed or with an outcome,
/// and those cancelled after being confirmed, which only the audit log remembers (the
/// `booking.cancelled` entry whose `before` is confirmed). Proposals never confirmed, withdrawn by a
/// roll or a re-optimisation, are left out.
enum SessionCountQuery {
    static let confirmedThenCancelled = """
        EXISTS (SELECT 1 FROM auditLog a WHERE a.entityKind = 'booking' AND a.entityId = b.id
                AND a.action = 'booking.cancelled' AND json_extract(a.before, '$.status') = 'confirmed')
        """

    static func sql(days: ActivityDays) -> String {
        """
        \(days.sql)
        SELECT substr(days.date, 1, 7) AS month, b.siteId AS siteId, r.specialty AS specialty,
               COUNT(*) AS bookings, SUM(b.status = 'confirmed') AS confirmed, SUM(b.status = 'done') AS done,
               SUM(b.status = 'noShow') AS noShow, SUM(b.status = 'notHeld') AS notHeld,
               SUM(b.status = 'cancelled') AS cancelled
        FROM days
        JOIN bookings b INDEXED BY bookings_start ON b.start >= days.dayStart AND b.start < days.dayEnd
        JOIN requests r ON r.id = b.requestId
        WHERE b.status IN ('confirmed', 'done', 'noShow', 'notHeld')
           OR (b.status = 'cancelled' AND \(confirmedThenCancelled))
        GROUP BY month, b.siteId, r.specialty
        """
    }

    static func fetch(_ db: Database, period: ActivityPeriod) throws -> [ActivityCount] {
        let days = ActivityDays(period)
        return try Row.fetchAll(db, sql: sql(days: days), arguments: days.arguments).map { row in
            ActivityCount(
                month: try CalendarMonth(row["month"] as String), siteId: row["siteId"],
                specialty: Specialty(rawValue: row["specialty"]),
                counts: ActivityCounts(
                    bookings: row["bookings"], confirmed: row["confirmed"], done: row["done"], noShow: row["noShow"],
                    notHeld: row["notHeld"], cancelled: row["cancelled"]))
        }
    }
}
