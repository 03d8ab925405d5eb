import GRDB
import TelemedCore

extension SQLiteBookingStore {
    /// Refuses to commit `booking` when its request is a `live` teleconsultation without the
    /// resident's consent (``StoreError/consentMissing(_:)``). Every way a booking becomes
    /// confirmed (``confirm(_:expectedVersion:route:actor:)``, ``book(_:route:replacing:actor:)``,
    /// the group commit) calls it inside its write transaction, so the API, the pages and the
    /// demo set-up cannot go round it. Proposals are not checked: a live request without consent
    /// is still planned and offered slots.
    static func requireConsent(for booking: Booking, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT mode = 'live' AND consentGivenBy IS NULL FROM requests WHERE id = ?")
        if try Bool.fetchOne(statement, arguments: [booking.requestId]) == true {
            throw StoreError.consentMissing(booking.requestId)
        }
    }
}
