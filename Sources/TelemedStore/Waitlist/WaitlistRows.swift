import Foundation
import TelemedCore

/// The waiting list's writes inside a caller's transaction, shared by the list's own operations
/// and by the booking store's (a confirmation takes its request off the list, a session not held
/// puts it back, booking an offer replaces its held slot).
enum WaitlistRows {
    /// The request's current stay on the list, if it is waiting.
    static func waiting(_ requestId: ConsultationRequest.ID, _ db: any SQLConnection) throws -> WaitlistRecord? {
        try WaitlistRecord.fetchOne(
            db, sql: "SELECT * FROM waitlist WHERE requestId = ? AND leftAt IS NULL", arguments: [requestId])
    }

    /// The open offer of a stay, if a slot is held for it.
    static func openOffer(entryId: Int64, _ db: any SQLConnection) throws -> WaitlistOfferRecord? {
        try WaitlistOfferRecord.fetchOne(
            db, sql: "SELECT * FROM waitlistOffers WHERE entryId = ? AND closedAt IS NULL", arguments: [entryId])
    }

    /// Whether the waiting list can serve the request (``ConsultationRequest/isServedAtSite(withEquipment:)``).
    static func servedAtSite(_ request: ConsultationRequest, _ db: any SQLConnection) throws -> Bool {
        guard let site = try SiteRecord.fetchOne(db, key: request.siteId) else { return false }
        return request.isServedAtSite(withEquipment: site.equipment)
    }

    /// A new stay on the list, audited as `waitlist.join` on the request.
    @discardableResult
    static func join(
        _ requestId: ConsultationRequest.ID, siteId: Site.ID, wantsBefore: Date?, returned: Bool, at now: Date,
        actor: String, _ db: any SQLConnection
    ) throws -> WaitlistRecord {
        var record = WaitlistRecord(
            id: nil, requestId: requestId, siteId: siteId, enteredAt: now, returned: returned,
            wantsBefore: wantsBefore, leftAt: nil, leftReason: nil)
        // The copy that carries the new row's id, for the audit entry and callers.
        record.id = try record.insertReturningID(db)
        try audit(db, at: now, actor: actor, action: "waitlist.join", requestId: requestId, payload: record)
        return record
    }

    /// Ends the request's stay, if it is waiting, releasing the slot still held for it (booking the
    /// offer itself has already replaced that slot).
    static func leave(
        _ requestId: ConsultationRequest.ID, _ reason: WaitlistExit, at now: Date, actor: String,
        _ db: any SQLConnection
    ) throws {
        guard var entry = try waiting(requestId, db), let entryId = entry.id else { return }
        if let offer = try openOffer(entryId: entryId, db) {
            try release(offer, reason == .booked ? .booked : .withdrawn, at: now, actor: actor, db)
        }
        entry.leftAt = now
        entry.leftReason = reason
        try entry.update(db)
        try audit(db, at: now, actor: actor, action: "waitlist.leave", requestId: requestId, payload: entry)
    }

    /// Closes `offer` and frees its slot: the held booking, if still held, is deleted (it never
    /// became a session, so it leaves no cancelled booking behind), audited as `booking.released`.
    static func release(
        _ offer: WaitlistOfferRecord, _ reason: OfferClosing, at now: Date, actor: String, _ db: any SQLConnection
    ) throws {
        let held = try BookingRecord.fetchOne(
            db, sql: "SELECT * FROM bookings WHERE id = ? AND status = 'held'", arguments: [offer.bookingId]
        )?.booking
        if let held {
            try db.execute(sql: "DELETE FROM bookings WHERE id = ?", arguments: [held.id])
            try AuditEntry(
                occurredAt: now, actor: actor, action: "booking.released", entityKind: "booking",
                entityId: held.id.rawValue, before: try StoreJSON.text(held), after: nil
            ).append(to: db)
        }
        var closed = offer
        closed.closedAt = now
        closed.closedReason = reason
        try closed.update(db)
    }

    private static func audit<Payload: Encodable>(
        _ db: any SQLConnection, at now: Date, actor: String, action: String, requestId: ConsultationRequest.ID,
        payload: Payload
    ) throws {
        try AuditEntry(
            occurredAt: now, actor: actor, action: action, entityKind: "request", entityId: requestId.rawValue,
            after: try StoreJSON.text(payload)
        ).append(to: db)
    }
}
