import TelemedCore

/// Bookings counted by the local date of their start, per month, site and specialty (the
/// request's). Only sessions that were confirmed at some point: those confirmed or with an outcome,
/// and those cancelled after being confirmed, which only the audit log remembers (the
/// `booking.cancelled` entry whose `before` is confirmed). Proposals never confirmed, withdrawn by a
/// roll or a re-optimisation, are left out.
enum SessionCountQuery {
    static func confirmedThenCancelled(_ dialect: SQLDialect) -> String {
        """
        EXISTS (SELECT 1 FROM auditLog a WHERE a.entityKind = 'booking' AND a.entityId = b.id
                AND a.action = 'booking.cancelled' AND \(dialect.jsonText("a.before", key: "status")) = 'confirmed')
        """
    }

    static func sql(days: ActivityDays, dialect: SQLDialect) -> String {
        """
        \(days.sql)
        SELECT substr(days.date, 1, 7) AS month, b.siteId AS siteId, r.specialty AS specialty,
               COUNT(*) AS bookings, SUM(CASE WHEN b.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN b.status = 'done' THEN 1 ELSE 0 END) AS done,
               SUM(CASE WHEN b.status = 'noShow' THEN 1 ELSE 0 END) AS noShow, SUM(CASE WHEN b.status = 'notHeld' THEN 1 ELSE 0 END) AS notHeld,
               SUM(CASE WHEN b.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
        FROM days
        JOIN \(ActivityDays.bookingsByStart(dialect)) ON b.start >= days.dayStart AND b.start < days.dayEnd
        JOIN requests r ON r.id = b.requestId
        WHERE b.status IN ('confirmed', 'done', 'noShow', 'notHeld')
           OR (b.status = 'cancelled' AND \(confirmedThenCancelled(dialect)))
        GROUP BY month, b.siteId, r.specialty
        """
    }

    static func fetch(_ db: any SQLConnection, period: ActivityPeriod) throws -> [ActivityCount] {
        let days = ActivityDays(period)
        return try db.fetchAll(sql: sql(days: days, dialect: db.dialect), arguments: days.arguments).map { row in
            ActivityCount(
                month: try CalendarMonth(row["month"] as String), siteId: row["siteId"],
                specialty: Specialty(rawValue: row["specialty"]),
                counts: ActivityCounts(
                    bookings: row["bookings"], confirmed: row["confirmed"], done: row["done"], noShow: row["noShow"],
                    notHeld: row["notHeld"], cancelled: row["cancelled"]))
        }
    }
}
