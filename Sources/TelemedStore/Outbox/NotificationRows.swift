import Crypto
import Foundation
import GRDB
import TelemedCore

/// The outbox's writes inside a change's own transaction: the change and its event commit
/// together or not at all. Only what people must hear of is recorded: confirmations, moves and
/// cancellations of confirmed sessions, outcomes, waiting-list offers. A re-plan moving proposed
/// bookings, or the roll placing them, records nothing.
enum NotificationRows {
    /// The same change always makes the same id: a booking's id and version name one change of it
    /// (every change raises the version), so an event written twice is one row.
    static func eventId(_ kind: NotificationKind, _ booking: Booking) -> String {
        let digest = SHA256.hash(data: Data("\(kind.rawValue)|\(booking.id)|\(booking.version)".utf8))
        return "evt-" + digest.lowercaseHex.prefix(24)
    }

    static func record(
        _ kind: NotificationKind, booking: Booking, previous: Booking? = nil, offer: NotifiedOffer? = nil,
        at now: Date, _ db: Database
    ) throws {
        let reference = try db.cachedStatement(sql: "SELECT patientRef FROM requests WHERE id = ?")
        let patientRef = try String.fetchOne(reference, arguments: [booking.requestId]) ?? ""
        let event = NotificationEvent(
            id: eventId(kind, booking), type: kind, occurredAt: now,
            booking: NotifiedBooking(booking, patientRef: patientRef),
            previous: previous.map { NotifiedBooking($0, patientRef: patientRef) }, offer: offer)
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO outbox (id, kind, occurredAt, event, fannedOut) VALUES (?, ?, ?, ?, 0)"
        ).execute(arguments: [event.id, kind.rawValue, now, try StoreJSON.text(event)])
    }
}
