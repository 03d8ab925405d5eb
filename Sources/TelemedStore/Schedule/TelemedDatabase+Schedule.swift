import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The stored schedule in one snapshot: scenario, bookings, routes and booking history; with
    /// `pastDays`, also the bookings, requests and routes of that many days before the window
    /// (``StoredSchedule/past``), for feeds that keep what happened in their subscribers' calendars.
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func schedule(pastDays: Int = 0) throws -> StoredSchedule {
        let (scenario, routes, changes, past, waiting) = try database.read { db in
            let scenario = try Self.loadScenario(db, path: name)
            let past = try Self.loadPast(db, days: pastDays, before: scenario.horizon.start)
            return (
                scenario, try Self.loadRoutes(db, from: scenario.horizon.start),
                try Self.bookingChanges(of: scenario.bookings + past.bookings, db), past, try Self.waitingRequestIds(db)
            )
        }
        return StoredSchedule(
            scenario: scenario, routes: routes, changes: changes, travel: try travelModel(for: scenario.travel),
            past: past, waiting: waiting)
    }

    /// The bookings starting in the `days` days before `first`, their requests and the routes of
    /// those days: a bounded read by date, whatever the years of history behind.
    private static func loadPast(_ db: any SQLConnection, days: Int, before first: LocalDate) throws
        -> StoredSchedule.Past
    {
        guard days > 0 else { return StoredSchedule.Past() }
        let from = first.adding(days: -days)
        let interval = UTCInterval(
            start: WallClock.paris.dayInterval(from).start, end: WallClock.paris.dayInterval(first).start)
        let bookings = try BookingRecord.fetchAll(
            db, sql: "SELECT * FROM bookings WHERE start >= ? AND start < ? ORDER BY start, id",
            arguments: [interval.start, interval.end]
        ).map(\.booking)
        var requests: [ConsultationRequest] = []
        for id in Set(bookings.map(\.requestId)).sorted() {
            if let record = try RequestRecord.fetchOne(db, key: id) { requests.append(record.request) }
        }
        let routes = try loadRoutes(db, from: from).filter { $0.day.date < first }
        return StoredSchedule.Past(bookings: bookings, requests: requests, routes: routes)
    }

    /// The stored unit routes from `first` on (the planning window; earlier ones are history).
    static func loadRoutes(_ db: any SQLConnection, from first: LocalDate) throws -> [UnitRoute] {
        let visits = Dictionary(
            grouping: try UnitVisitRecord.fetchAll(
                db, sql: "SELECT * FROM unitVisits WHERE date >= ?", arguments: [first]
            ).map(\.visit)
        ) {
            UnitDayKey(unitId: $0.unitId, date: $0.date)
        }
        return try UnitDayRecord.fetchAll(db, sql: "SELECT * FROM unitDays WHERE date >= ?", arguments: [first])
            .map(\.unitDay)
            .map { day in
                let key = UnitDayKey(unitId: day.unitId, date: day.date)
                return UnitRoute(day: day, visits: (visits[key] ?? []).sorted { $0.order < $1.order })
            }
            .sorted { $0.key < $1.key }
    }

    /// The last change of each booking and its cancellation, by indexed lookups of the window's
    /// bookings (a few hundred per statement), so the cost follows the window and not the years of
    /// audit log behind it.
    private static func bookingChanges(of bookings: [Booking], _ db: any SQLConnection) throws
        -> [Booking.ID: BookingChange]
    {
        var changes: [Booking.ID: BookingChange] = [:]
        let ids = Array(Set(bookings.map(\.id))).sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            try db.forEachRow(
                sql: """
                    SELECT entityId, MAX(occurredAt) AS lastModified,
                           MAX(CASE WHEN action = 'booking.cancelled' THEN occurredAt END) AS cancelledAt
                    FROM auditLog WHERE entityKind = 'booking' AND entityId IN (\(marks)) GROUP BY entityId
                    """,
                arguments: SQLArguments(chunk.map(\.rawValue))
            ) { row in
                changes[try row.decode("entityId")] = BookingChange(
                    lastModified: try row.decode("lastModified"), cancelledAt: try row.decode("cancelledAt"))
            }
        }
        let imported = try db.fetchOne(
            Date.self, sql: "SELECT MAX(occurredAt) FROM auditLog WHERE entityKind = 'scenario'")
        for booking in bookings where changes[booking.id] == nil {
            let at = imported ?? Date(timeIntervalSince1970: 0)
            changes[booking.id] = BookingChange(lastModified: at, cancelledAt: booking.status == .cancelled ? at : nil)
        }
        return changes
    }
}
