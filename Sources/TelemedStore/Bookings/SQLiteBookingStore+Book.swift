import GRDB
import TelemedCore

extension SQLiteBookingStore {
    public func book(_ booking: Booking, route: UnitRoute?, replacing replacedId: Booking.ID?, actor: String) throws
        -> BookingOutcome
    {
        let route = try route?.validated()
        var confirmed = booking
        confirmed.status = .confirmed
        confirmed.version = 1
        do {
            return try database.writer.write { db in
                guard try BookingRecord.fetchOne(db, key: confirmed.id) == nil else {
                    throw StoreError.bookingExists(confirmed.id)
                }
                try Self.requireReferences(of: confirmed, db)
                if let replacedId {
                    _ = try Self.setStatus(replacedId, expectedVersion: nil, to: .cancelled, actor: actor, db)
                }
                let check = try conflictCheck(db, changed: [confirmed], newRoute: route)
                if let conflict = check.conflict(subject: "booking \(confirmed.id)", changed: [confirmed], route: route)
                {
                    // Thrown, not returned, so that the cancellation of the replaced booking rolls back.
                    throw RolledBack(conflict: conflict)
                }
                try Self.insert(confirmed, db)
                if let route { try Self.replaceRoute(route, db) }
                try Self.audit(db, actor: actor, action: "booking.confirmed", before: nil, after: confirmed)
                return .accepted(confirmed)
            }
        } catch let rolledBack as RolledBack {
            return .conflict(rolledBack.conflict)
        }
    }

    private struct RolledBack: Error {
        var conflict: BookingConflict
    }
}
