import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Replaces a specialist's availability exceptions with `transform` applied to the stored ones,
    /// in one write transaction with its audit entry, and returns the new list. Bookings are left
    /// as they are: see ``confirmedBookings(ofSpecialist:overlapping:)`` for those now in conflict.
    ///
    /// ```swift
    /// try database.updateExceptions(ofSpecialist: "S-007", actor: "admin") { stored in
    ///     stored.filter { $0.note != "calendrier importé" } + imported
    /// }
    /// ```
    ///
    /// Throws ``StoreError/unknownReference(_:)`` for an unknown specialist and
    /// ``StoreError/invalidException(_:)`` for an interval that ends before it starts.
    @discardableResult
    public func updateExceptions(
        ofSpecialist id: Specialist.ID, actor: String,
        _ transform: ([AvailabilityException]) throws -> [AvailabilityException]
    ) throws -> [AvailabilityException] {
        try database.write { db in
            guard try SpecialistRecord.exists(db, key: id) else {
                throw StoreError.unknownReference("specialist \(id)")
            }
            let before = try SpecialistExceptionRecord.fetchAll(
                db, sql: "SELECT * FROM specialistExceptions WHERE specialistId = ? ORDER BY position", arguments: [id]
            ).map(\.exception)
            let after = try transform(before)
            for exception in after where UTCInterval(start: exception.start, end: exception.end).isEmpty {
                throw StoreError.invalidException(
                    "\(exception.kind.rawValue) from \(exception.start) to \(exception.end) of specialist \(id)")
            }
            try db.execute(sql: "DELETE FROM specialistExceptions WHERE specialistId = ?", arguments: [id])
            for (position, exception) in after.enumerated() {
                try SpecialistExceptionRecord(specialistId: id, position: position, exception: exception).insert(db)
            }
            try AuditEntry(
                occurredAt: clock.now(), actor: actor, action: "specialist.exceptions", entityKind: "specialist",
                entityId: id.rawValue,
                before: try StoreJSON.text(before), after: try StoreJSON.text(after)
            ).append(to: db)
            return after
        }
    }

    /// Confirmed bookings of a specialist whose session or review overlaps one of `intervals`, by
    /// start: what an availability change leaves to reschedule.
    public func confirmedBookings(ofSpecialist id: Specialist.ID, overlapping intervals: [UTCInterval]) throws
        -> [Booking]
    {
        guard !intervals.isEmpty else { return [] }
        let bookings = try database.read { db in
            try BookingRecord.fetchAll(
                db, sql: "SELECT * FROM bookings WHERE specialistId = ? AND status = 'confirmed' ORDER BY start, id",
                arguments: [id]
            ).map(\.booking)
        }
        return bookings.filter { booking in
            let busy = [UTCInterval(start: booking.start, end: booking.end)] + (booking.review.map { [$0] } ?? [])
            return busy.contains { held in intervals.contains(where: held.overlaps) }
        }
    }
}
