import Foundation
import GRDB
import TelemedCore

extension TelemedDatabase {
    /// The stored schedule in one snapshot: scenario, bookings, routes and booking history.
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func schedule() throws -> StoredSchedule {
        let (scenario, routes, changes) = try writer.read { db in
            let scenario = try Self.loadScenario(db, path: name)
            return (scenario, try Self.loadRoutes(db), try Self.bookingChanges(of: scenario.bookings, db))
        }
        return StoredSchedule(
            scenario: scenario, routes: routes, changes: changes, travel: try travelModel(for: scenario.travel))
    }

    static func loadRoutes(_ db: Database) throws -> [UnitRoute] {
        let visits = Dictionary(grouping: try UnitVisitRecord.fetchAll(db).map(\.visit)) {
            UnitDayKey(unitId: $0.unitId, date: $0.date)
        }
        return try UnitDayRecord.fetchAll(db).map(\.unitDay)
            .map { day in
                let key = UnitDayKey(unitId: day.unitId, date: day.date)
                return UnitRoute(day: day, visits: (visits[key] ?? []).sorted { $0.order < $1.order })
            }
            .sorted { $0.key < $1.key }
    }

    /// One grouped read of the audit log: the last change of each booking and its cancellation.
    private static func bookingChanges(of bookings: [Booking], _ db: Database) throws -> [Booking.ID: BookingChange] {
        var changes: [Booking.ID: BookingChange] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT entityId, MAX(occurredAt) AS lastModified,
                       MAX(CASE WHEN action = 'booking.cancelled' THEN occurredAt END) AS cancelledAt
                FROM auditLog WHERE entityKind = 'booking' GROUP BY entityId
                """)
        for row in rows {
            changes[Booking.ID(row["entityId"] as String)] = BookingChange(
                lastModified: row["lastModified"], cancelledAt: row["cancelledAt"])
        }
        let imported = try Date.fetchOne(
            db, sql: "SELECT MAX(occurredAt) FROM auditLog WHERE entityKind = 'scenario'")
        for booking in bookings where changes[booking.id] == nil {
            let at = imported ?? Date(timeIntervalSince1970: 0)
            changes[booking.id] = BookingChange(lastModified: at, cancelledAt: booking.status == .cancelled ? at : nil)
        }
        return changes
    }
}
