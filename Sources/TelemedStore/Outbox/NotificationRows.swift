import Crypto
import Foundation
import TelemedCore

/// The outbox's writes inside a change's own transaction: the change and its event commit
/// together or not at all. Only what people must hear of is recorded: confirmations, moves and
/// cancellations of confirmed sessions, outcomes, waiting-list offers, and changes to a unit's
/// route after its cut-off. A re-plan moving proposed bookings, or the roll placing them, records
/// nothing.
enum NotificationRows {
    /// The same change always makes the same id: a booking's id and version name one change of it
    /// (every change raises the version), so an event written twice is one row.
    static func eventId(_ kind: NotificationKind, _ booking: Booking) -> String {
        eventId("\(kind.rawValue)|\(booking.id)|\(booking.version)")
    }

    static func eventId(_ key: String) -> String {
        "evt-" + SHA256.hash(data: Data(key.utf8)).lowercaseHex.prefix(24)
    }

    static func record(
        _ kind: NotificationKind, booking: Booking, previous: Booking? = nil, offer: NotifiedOffer? = nil,
        at now: Date, _ db: any SQLConnection
    ) throws {
        let patientRef =
            try db.fetchOne(
                String.self, sql: "SELECT patientRef FROM requests WHERE id = ?", arguments: [booking.requestId])
            ?? ""
        let notified = NotifiedBooking(booking, patientRef: patientRef)
        let before = previous.map { NotifiedBooking($0, patientRef: patientRef) }
        try insert(
            NotificationEvent(
                id: eventId(kind, booking), type: kind, occurredAt: now, booking: notified, previous: before,
                offer: offer), db)
        guard kind == .bookingConfirmed || kind == .bookingMoved || kind == .bookingCancelled else { return }
        // A stop of a frozen route changed: the crew may already be driving it (one event per
        // change, for the day it is on now, or else the day it left).
        for session in [booking, previous].compactMap({ $0 }) {
            guard let route = try frozenRoute(of: session, at: now, db) else { continue }
            try insert(
                NotificationEvent(
                    id: eventId("\(NotificationKind.routeChanged.rawValue)|\(booking.id)|\(booking.version)"),
                    type: .routeChanged, occurredAt: now, booking: notified, previous: before, route: route), db)
            return
        }
    }

    /// Records `event` unless an event with its id is there already; 1 when it was recorded.
    @discardableResult
    static func insert(_ event: NotificationEvent, _ db: any SQLConnection) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO outbox (id, kind, occurredAt, event, fannedOut) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT (id) DO NOTHING
                """,
            arguments: [event.id, event.type.rawValue, event.occurredAt, try StoreJSON.text(event)])
    }

    /// The unit day `booking` is on, when its route is frozen at `now`: past the unit's cut-off on
    /// the day before, and the day not over.
    private static func frozenRoute(of booking: Booking, at now: Date, _ db: any SQLConnection) throws -> NotifiedRoute?
    {
        guard let unitId = booking.host.unitId else { return nil }
        let paris = WallClock.paris
        let date = paris.localDate(of: booking.start)
        guard now < paris.dayInterval(date).end else { return nil }
        let cutoff = try db.fetchOne(
            String.self, sql: "SELECT routeCutoff FROM units WHERE id = ?", arguments: [unitId]
        )
        .flatMap { try? LocalTime($0) }
        let frozenAt = paris.instant(on: date.adding(days: -1), at: cutoff ?? MobileUnit.defaultRouteCutoff)
        return now >= frozenAt ? NotifiedRoute(unitId: unitId, date: date) : nil
    }
}
