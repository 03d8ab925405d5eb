import TelemedCore

extension DatabaseBookingStore {
    /// Refuses to commit `booking` when its request is a `live` teleconsultation without the
    /// resident's consent (``StoreError/consentMissing(_:)``). Every way a booking becomes
    /// confirmed (``confirm(_:expectedVersion:route:actor:)``, ``book(_:route:replacing:actor:)``,
    /// the group commit) calls it inside its write transaction, so the API, the pages and the
    /// demo set-up cannot go round it. Proposals are not checked: a live request without consent
    /// is still planned and offered slots.
    static func requireConsent(for booking: Booking, _ db: any SQLConnection) throws {
        if try consentMissing(booking.requestId, db) == true {
            throw StoreError.consentMissing(booking.requestId)
        }
    }

    /// Whether the request is `live` without consent; nil when there is no such request.
    static func consentMissing(_ requestId: ConsultationRequest.ID, _ db: any SQLConnection) throws -> Bool? {
        try db.fetchOne(
            Bool.self,
            sql:
                "SELECT CASE WHEN mode = 'live' AND consentGivenBy IS NULL THEN 1 ELSE 0 END FROM requests WHERE id = ?",
            arguments: [requestId])
    }
}
