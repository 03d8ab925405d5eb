import Foundation

/// A request placed: who, where, when and on which equipment. Confirmed bookings are pinned: the
/// solver never moves them. `version` grows with every change and becomes the ICS `SEQUENCE`.
public struct Booking: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Booking>

    public var id: ID
    public var requestId: ConsultationRequest.ID
    /// Nil only for `crew` requests, which no specialist takes part in.
    public var specialistId: Specialist.ID?
    public var siteId: Site.ID
    /// At the site: the consultation (`live`) or the data capture (`async`). UTC.
    public var start: Date
    public var end: Date
    /// For `async` requests, when the specialist reviews the captured data. UTC.
    public var review: UTCInterval?
    public var host: BookingHost
    public var status: BookingStatus
    public var version: Int
    /// Room number at the site, 1-based, when the site has several.
    public var room: Int?
    /// Why a session was missed or not held, when the one who recorded the outcome said.
    public var outcomeReason: OutcomeReason?

    public init(
        id: ID, requestId: ConsultationRequest.ID, specialistId: Specialist.ID?, siteId: Site.ID, start: Date,
        end: Date, review: UTCInterval? = nil, host: BookingHost, status: BookingStatus, version: Int = 1,
        room: Int? = nil, outcomeReason: OutcomeReason? = nil
    ) {
        self.id = id
        self.requestId = requestId
        self.specialistId = specialistId
        self.siteId = siteId
        self.start = start
        self.end = end
        self.review = review
        self.host = host
        self.status = status
        self.version = version
        self.room = room
        self.outcomeReason = outcomeReason
    }

    public var interval: UTCInterval { UTCInterval(start: start, end: end) }

    /// When the specialist is busy with this booking.
    public var specialistInterval: UTCInterval { review ?? interval }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            requestId: try c.decode(ConsultationRequest.ID.self, forKey: .requestId),
            specialistId: try c.decodeIfPresent(Specialist.ID.self, forKey: .specialistId),
            siteId: try c.decode(Site.ID.self, forKey: .siteId),
            start: try c.decode(Date.self, forKey: .start),
            end: try c.decode(Date.self, forKey: .end),
            review: try c.decodeIfPresent(UTCInterval.self, forKey: .review),
            host: try c.decode(BookingHost.self, forKey: .host),
            status: try c.decode(BookingStatus.self, forKey: .status),
            version: try c.decodeIfPresent(Int.self, forKey: .version) ?? 1,
            room: try c.decodeIfPresent(Int.self, forKey: .room),
            outcomeReason: try c.decodeIfPresent(OutcomeReason.self, forKey: .outcomeReason)
        )
    }
}

/// Lifecycle: `proposed → confirmed → done | noShow | notHeld` (the session's outcome, recorded from
/// its start on and correctable), and `proposed | confirmed → cancelled`. A `held` booking is a
/// slot kept for a waiting request while its site decides (a waiting-list offer): it leaves by
/// being booked (the request's confirmed booking replaces it) or released, never by an outcome.
public enum BookingStatus: String, ClosedVocabulary, Hashable {
    case proposed, confirmed, cancelled, done, noShow, notHeld, held

    /// Facts the solver must keep: confirmed sessions, those whose time was spent, and slots held
    /// for a waiting request (nobody else may take them until the hold ends).
    public var isPinned: Bool { self == .confirmed || self == .done || self == .noShow || self == .held }

    /// Whether the booking holds its specialist, site room and unit, and counts as its request's
    /// booking (`requestOnce`): everything but a cancelled session or one that was not held.
    public var occupiesResources: Bool { self != .cancelled && self != .notHeld }

    /// Whether the session's outcome has been recorded.
    public var isOutcome: Bool { SessionOutcome(self) != nil }
}

/// Whose equipment the consultation uses: the site's own, or that of a unit parked there.
///
/// ```json
/// {"kind": "siteEquipment"}
/// {"kind": "unitVisit", "unitId": "U-01"}
/// ```
public enum BookingHost: Codable, Hashable, Sendable {
    case siteEquipment
    case unitVisit(MobileUnit.ID)

    private enum CodingKeys: String, CodingKey { case kind, unitId }
    private enum Kind: String, Codable { case siteEquipment, unitVisit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .siteEquipment: self = .siteEquipment
        case .unitVisit: self = .unitVisit(try c.decode(MobileUnit.ID.self, forKey: .unitId))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .siteEquipment:
            try c.encode(Kind.siteEquipment, forKey: .kind)
        case .unitVisit(let unit):
            try c.encode(Kind.unitVisit, forKey: .kind)
            try c.encode(unit, forKey: .unitId)
        }
    }

    public var unitId: MobileUnit.ID? {
        if case .unitVisit(let unit) = self { unit } else { nil }
    }
}
