import Foundation
import TelemedCore

/// One way to serve a new request, offered to the staff member who asked: who, when, and on
/// whose equipment (the site's, or an itinerant unit coming that day). Instants are UTC.
public struct Proposal: Codable, Hashable, Sendable {
    /// Nil for `crew` work (the unit's crew alone).
    public var specialistId: Specialist.ID?
    public var siteId: Site.ID
    /// At the site: the consultation, the data capture (`async`) or the crew's work.
    public var start: Date
    public var end: Date
    /// `async` only: when the specialist reviews the captured data.
    public var review: UTCInterval?
    public var host: BookingHost
    /// Days after the request's due date (0 when on time).
    public var daysLate: Int
    /// Unit-hosted only: the unit's day as it would be with this booking (its visits in route
    /// order and its record), to replace that day in the plan when the proposal is booked.
    public var unitVisits: [Visit]
    public var unitDay: UnitDay?

    public init(
        specialistId: Specialist.ID?, siteId: Site.ID, start: Date, end: Date, review: UTCInterval?,
        host: BookingHost, daysLate: Int, unitVisits: [Visit] = [], unitDay: UnitDay? = nil
    ) {
        self.specialistId = specialistId
        self.siteId = siteId
        self.start = start
        self.end = end
        self.review = review
        self.host = host
        self.daysLate = daysLate
        self.unitVisits = unitVisits
        self.unitDay = unitDay
    }
}

/// The proposals for a request, best first, or why there are none.
public struct ProposalSet: Codable, Hashable, Sendable {
    public var proposals: [Proposal]
    /// When `proposals` is empty: the blocking constraint, as for an unassigned request.
    public var unavailable: UnassignedRequest?

    public init(proposals: [Proposal], unavailable: UnassignedRequest?) {
        self.proposals = proposals
        self.unavailable = unavailable
    }
}
