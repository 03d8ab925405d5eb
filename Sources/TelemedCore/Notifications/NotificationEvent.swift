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
    /// For `route.changed`: the unit day whose frozen route changed (`booking` and `previous` say how).
    public var route: NotifiedRoute?
    /// For `reminder.digest`: whose day it is, and its sessions.
    public var digest: NotifiedDigest?

    public init(
        id: String, type: NotificationKind, occurredAt: Date, booking: NotifiedBooking? = nil,
        previous: NotifiedBooking? = nil, offer: NotifiedOffer? = nil, route: NotifiedRoute? = nil,
        digest: NotifiedDigest? = nil
    ) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.booking = booking
        self.previous = previous
        self.offer = offer
        self.route = route
        self.digest = digest
    }

    /// The sessions the event tells of: the booking and what it was, or a digest's.
    public var sessions: [NotifiedBooking] {
        [booking, previous].compactMap { $0 } + (digest?.sessions ?? [])
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

/// A unit day in a `route.changed` event: its route was frozen (past the unit's cut-off, the day
/// before) when one of its stops changed.
public struct NotifiedRoute: Codable, Hashable, Sendable {
    public var unitId: MobileUnit.ID
    public var date: LocalDate

    public init(unitId: MobileUnit.ID, date: LocalDate) {
        self.unitId = unitId
        self.date = date
    }
}

/// A day's sessions for one site or one specialist (exactly one of the two ids is set): what a
/// `reminder.digest` lists, in start order. Confirmed sessions only.
public struct NotifiedDigest: Codable, Hashable, Sendable {
    public var date: LocalDate
    public var siteId: Site.ID?
    public var specialistId: Specialist.ID?
    public var sessions: [NotifiedBooking]

    public init(
        date: LocalDate, siteId: Site.ID? = nil, specialistId: Specialist.ID? = nil, sessions: [NotifiedBooking]
    ) {
        self.date = date
        self.siteId = siteId
        self.specialistId = specialistId
        self.sessions = sessions
    }
}
