import Foundation

/// A request on its site's waiting list: no slot the staff accepted was free, so it waits for
/// capacity to free up (a cancellation, a session not held, new days, new availability) and is
/// offered slots in the list's order (``WaitlistEntry/precedes(_:)``).
public struct WaitlistEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: ConsultationRequest.ID { requestId }
    public var requestId: ConsultationRequest.ID
    public var siteId: Site.ID
    public var urgency: Urgency
    /// When it joined, or came back (a session not held).
    public var enteredAt: Date
    /// Back on the list because its session was not held: such requests go first.
    public var returned: Bool
    /// Offers start before this instant: the earliest slot the staff turned down when the request
    /// joined (nil when none was found, or for a returned request: any slot will do).
    public var wantsBefore: Date?
    /// The slot held for it now, if any.
    public var offer: WaitlistOffer?

    public init(
        requestId: ConsultationRequest.ID, siteId: Site.ID, urgency: Urgency, enteredAt: Date, returned: Bool = false,
        wantsBefore: Date? = nil, offer: WaitlistOffer? = nil
    ) {
        self.requestId = requestId
        self.siteId = siteId
        self.urgency = urgency
        self.enteredAt = enteredAt
        self.returned = returned
        self.wantsBefore = wantsBefore
        self.offer = offer
    }

    /// The list's order, the one rule every offer follows: requests whose session was not held
    /// first (the programme owes them a session), then by urgency (urgent, soon, routine), then by
    /// time waiting (longest first; a returned request counts from its return), then by request
    /// id so that the order is total.
    public func precedes(_ other: WaitlistEntry) -> Bool {
        if returned != other.returned { return returned }
        if urgency != other.urgency { return urgency < other.urgency }
        if enteredAt != other.enteredAt { return enteredAt < other.enteredAt }
        return requestId < other.requestId
    }
}

extension ConsultationRequest {
    /// Whether the waiting list can serve the request: its offers are slots at the site with the
    /// site's own equipment (holding a unit's stop would change a crew's route for a slot the site
    /// may decline), so a crew visit, or equipment the site lacks, is the itinerant unit's: the
    /// nightly plan places such requests, and they do not wait on the list.
    public func isServedAtSite(withEquipment equipment: [Equipment]) -> Bool {
        Self.isServedAtSite(mode: mode, requiring: requiredEquipment, withEquipment: equipment)
    }

    /// The same rule for a request not made yet (the staff page's form).
    public static func isServedAtSite(
        mode: ConsultationMode, requiring required: [Equipment], withEquipment equipment: [Equipment]
    ) -> Bool {
        mode != .crew && Set(required).isSubset(of: Set(equipment))
    }
}

/// A slot held for a waiting request: a booking in status `held` that nobody else can take until
/// the hold expires, and the proposal the site books it with (`POST /api/v1/bookings` with its
/// `proposalId`, or the staff page's button).
public struct WaitlistOffer: Codable, Hashable, Sendable {
    public var proposalId: String
    public var requestId: ConsultationRequest.ID
    public var bookingId: Booking.ID
    public var specialistId: Specialist.ID?
    public var start: Date
    public var end: Date
    public var offeredAt: Date
    public var expiresAt: Date

    public init(
        proposalId: String, requestId: ConsultationRequest.ID, bookingId: Booking.ID, specialistId: Specialist.ID?,
        start: Date, end: Date,
        offeredAt: Date, expiresAt: Date
    ) {
        self.proposalId = proposalId
        self.requestId = requestId
        self.bookingId = bookingId
        self.specialistId = specialistId
        self.start = start
        self.end = end
        self.offeredAt = offeredAt
        self.expiresAt = expiresAt
    }
}

/// Why a request left the waiting list.
public enum WaitlistExit: String, ClosedVocabulary, Hashable {
    /// One of its bookings was confirmed (an offer, or any other slot).
    case booked
    /// The staff took it off the list.
    case withdrawn
}

/// How an offer ended.
public enum OfferClosing: String, ClosedVocabulary, Hashable {
    /// The site booked it.
    case booked
    /// Its hold expired: the slot passed to the next waiting request.
    case lapsed
    /// The site turned it down: the request keeps its place, the slot passes on.
    case declined
    /// The request left the list.
    case withdrawn
}
