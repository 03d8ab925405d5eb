import Foundation

/// One notifiable change as the outbox keeps it and webhooks receive it: a stable id (the same
/// change always makes the same id, so a retry or a replay is recognisable), what happened, when,
/// and the session concerned, with pseudonymous references only (the resident's pseudonymous
/// reference, never a name, a note or a diagnosis).
///
/// ```json
/// {"id": "evt-3f…", "type": "booking.confirmed", "occurredAt": "2027-03-15T09:12:00Z",
///  "booking": {"id": "B-…", "requestId": "R-…", "patientRef": "P-7F3K2Q", "siteId": "E-58-0001", …}}
/// ```
public struct NotificationEvent: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var type: NotificationKind
    public var occurredAt: Date
    public var booking: NotifiedBooking?
    /// For `booking.moved`: the session as it was.
    public var previous: NotifiedBooking?
    /// For `waitlist.offer`: until when the slot is held, and the proposal that books it.
    public var offer: NotifiedOffer?

    public init(
        id: String, type: NotificationKind, occurredAt: Date, booking: NotifiedBooking? = nil,
        previous: NotifiedBooking? = nil, offer: NotifiedOffer? = nil
    ) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.booking = booking
        self.previous = previous
        self.offer = offer
    }
}

/// A session as a notification shows it: ids, times and state; the resident only by the
/// pseudonymous reference the site gave.
public struct NotifiedBooking: Codable, Hashable, Sendable {
    public var id: Booking.ID
    public var requestId: ConsultationRequest.ID
    public var patientRef: String
    public var siteId: Site.ID
    public var specialistId: Specialist.ID?
    public var unitId: MobileUnit.ID?
    public var start: Date
    public var end: Date
    public var status: BookingStatus
    public var version: Int
    public var outcomeReason: OutcomeReason?

    public init(_ booking: Booking, patientRef: String) {
        id = booking.id
        requestId = booking.requestId
        self.patientRef = patientRef
        siteId = booking.siteId
        specialistId = booking.specialistId
        unitId = booking.host.unitId
        start = booking.start
        end = booking.end
        status = booking.status
        version = booking.version
        outcomeReason = booking.outcomeReason
    }
}

/// A waiting-list offer in a notification.
public struct NotifiedOffer: Codable, Hashable, Sendable {
    public var proposalId: String
    public var expiresAt: Date

    public init(proposalId: String, expiresAt: Date) {
        self.proposalId = proposalId
        self.expiresAt = expiresAt
    }
}
