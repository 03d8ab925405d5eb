import Foundation
import TelemedCore

extension DatabaseBookingStore {
    public func recordOutcome(
        _ id: Booking.ID, _ outcome: SessionOutcome, reason: OutcomeReason?, expectedVersion: Int?, actor: String
    ) throws -> BookingOutcome {
        if let reason, reason.outcome != outcome { throw StoreError.reasonMismatch(reason, outcome: outcome) }
        return try database.database.write { db in
            let now = database.clock.now()
            let before = try Self.current(id, expectedVersion: expectedVersion, db)
            guard Self.allows(from: before.status, to: outcome.status) else {
                throw StoreError.invalidTransition(id, from: before.status, to: outcome.status)
            }
            guard now >= before.start else { throw StoreError.sessionNotStarted(id, start: before.start) }
            if before.status == outcome.status && before.outcomeReason == reason { return .accepted(before) }
            var after = before
            after.status = outcome.status
            after.outcomeReason = reason
            after.version += 1
            // Only a session that held nothing and now holds its resources again can collide: its
            // request may have been booked again after it was not held.
            if !before.status.occupiesResources && after.status.occupiesResources {
                // The session took place after all: its request no longer waits for another (the
                // slot held for it is released), unless the check refuses the change.
                do {
                    try db.inSavepoint {
                        try WaitlistRows.leave(after.requestId, .booked, at: now, actor: actor, db)
                        let check = try conflictCheck(db, changed: [after], newRoute: nil)
                        if let conflict = check.conflict(subject: "booking \(id)", changed: [after], route: nil) {
                            throw RefusedOutcome(conflict: conflict)
                        }
                    }
                } catch let refused as RefusedOutcome {
                    return .conflict(refused.conflict)
                }
            }
            try db.execute(
                sql: "UPDATE bookings SET status = ?, outcomeReason = ?, version = ? WHERE id = ?",
                arguments: [after.status.rawValue, after.outcomeReason?.rawValue, after.version, after.id])
            try Self.audit(db, at: now, actor: actor, action: "booking.outcome", before: before, after: after)
            try NotificationRows.record(.bookingOutcome, booking: after, at: now, db)
            if after.status == .notHeld, before.status != .notHeld,
                try WaitlistRows.waiting(after.requestId, db) == nil,
                let request = try RequestRecord.fetchOne(db, key: after.requestId)?.request,
                try WaitlistRows.servedAtSite(request, db)
            {
                // The programme owes the resident this session: back to the head of the list (a
                // unit's visit is placed again by the nightly plan instead).
                try WaitlistRows.join(
                    after.requestId, siteId: after.siteId, wantsBefore: nil, returned: true, at: now, actor: actor, db)
            }
            return .accepted(after)
        }
    }
}

/// Rolls back the savepoint of an outcome the check refused.
private struct RefusedOutcome: Error {
    var conflict: BookingConflict
}
