import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The bookings created confirmed (``DatabaseBookingStore/book(_:route:replacing:actor:)``: a
    /// `booking.confirmed` entry without a before state) or held for a waiting request
    /// (`booking.held`) by the audit entries after generation
    /// `start` up to `end`, in the order they were made, each with its request, read in one
    /// snapshot; nil when one of those entries is any other change (a cancellation, a move, a
    /// route, an availability import…), or when there are more than `limit`.
    ///
    /// For a cache drawn from the schedule (the proposal engine): new bookings are what a busy
    /// day brings, and can be added to it; anything else means reading the schedule again.
    ///
    /// ```swift
    /// if let added = try database.bookingsAdded(after: cached, through: current) { … }
    /// ```
    public func bookingsAdded(after start: Int64, through end: Int64, limit: Int = 256) throws
        -> [(booking: Booking, request: ConsultationRequest)]?
    {
        guard start < end else { return [] }
        return try database.read { db in
            let entries = try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM auditLog WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                arguments: [start, end, limit + 1])
            guard entries.count <= limit else { return nil }
            var added: [(booking: Booking, request: ConsultationRequest)] = []
            for entry in entries {
                guard entry.action == "booking.confirmed" || entry.action == "booking.held",
                    entry.entityKind == "booking", entry.before == nil,
                    let after = entry.after,
                    let booking = try? StoreJSON.decoder.decode(Booking.self, from: Data(after.utf8)),
                    let record = try RequestRecord.fetchOne(db, key: booking.requestId)
                else { return nil }
                added.append((booking, record.request))
            }
            return added
        }
    }
}
