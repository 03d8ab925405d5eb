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
            return (
                scenario, try Self.loadRoutes(db, from: scenario.horizon.start),
                try Self.bookingChanges(of: scenario.bookings, db))
        }
        return StoredSchedule(
            scenario: scenario, routes: routes, changes: changes, travel: try travelModel(for: scenario.travel))
    }

    /// The stored unit routes from `first` on (the planning window; earlier ones are history).
    static func loadRoutes(_ db: Database, from first: LocalDate) throws -> [UnitRoute] {
        let visits = Dictionary(
            grouping: try UnitVisitRecord.filter(Column("date") >= first.description).fetchAll(db).map(\.visit)
        ) {
            UnitDayKey(unitId: $0.unitId, date: $0.date)
        }
        return try UnitDayRecord.filter(Column("date") >= first.description).fetchAll(db).map(\.unitDay)
            .map { day in
                let key = UnitDayKey(unitId: day.unitId, date: day.date)
                return UnitRoute(day: day, visits: (visits[key] ?? []).sorted { $0.order < $1.order })
            }
            .sorted { $0.key < $1.key }
    }

    /// The last change of each booking and its cancellation, one indexed lookup per booking of the
    /// window, so the cost follows the window and not the years of audit log behind it.
    private static func bookingChanges(of bookings: [Booking], _ db: Database) throws -> [Booking.ID: BookingChange] {
        var changes: [Booking.ID: BookingChange] = [:]
        let statement = try db.cachedStatement(
            sql: """
                SELECT MAX(occurredAt) AS lastModified,
                       MAX(CASE WHEN action = 'booking.cancelled' THEN occurredAt END) AS cancelledAt
                FROM auditLog WHERE entityKind = 'booking' AND entityId = ?
                """)
        for booking in bookings {
            guard let row = try Row.fetchOne(statement, arguments: [booking.id]),
                let lastModified = row["lastModified"] as Date?
            else { continue }
            changes[booking.id] = BookingChange(lastModified: lastModified, cancelledAt: row["cancelledAt"])
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
