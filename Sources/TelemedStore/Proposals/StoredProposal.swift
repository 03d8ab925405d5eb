import Foundation
import TelemedCore
import TelemedSolver

/// A proposal the server offered to a site, kept until it expires so that `POST /bookings` can
/// book it by id, even after a restart. `replacesBookingId` is set for the proposals of a
/// reschedule: booking one cancels that booking in the same transaction.
public struct StoredProposal: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var requestId: ConsultationRequest.ID
    public var replacesBookingId: Booking.ID?
    public var createdAt: Date
    public var expiresAt: Date
    public var proposal: Proposal

    public init(
        id: String, requestId: ConsultationRequest.ID, replacesBookingId: Booking.ID? = nil, createdAt: Date,
        expiresAt: Date, proposal: Proposal
    ) {
        self.id = id
        self.requestId = requestId
        self.replacesBookingId = replacesBookingId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.proposal = proposal
    }

    /// The booking this proposal becomes, under `bookingId`.
    public func booking(id bookingId: Booking.ID) -> Booking {
        Booking(
            id: bookingId, requestId: requestId, specialistId: proposal.specialistId, siteId: proposal.siteId,
            start: proposal.start, end: proposal.end, review: proposal.review, host: proposal.host,
            status: .confirmed)
    }

    /// For a unit-hosted proposal, the unit's day as the proposal would make it.
    public var route: UnitRoute? {
        proposal.unitDay.map { UnitRoute(day: $0, visits: proposal.unitVisits) }
    }
}

/// The row of `proposals`; the proposal itself is JSON text (read whole, never queried).
struct ProposalRecord: StoreRecord {
    static let databaseTableName = "proposals"

    var id: String
    var requestId: ConsultationRequest.ID
    var replacesBookingId: Booking.ID?
    var createdAt: Date
    var expiresAt: Date
    var proposal: Proposal

    init(_ stored: StoredProposal) {
        (id, requestId, replacesBookingId) = (stored.id, stored.requestId, stored.replacesBookingId)
        (createdAt, expiresAt, proposal) = (stored.createdAt, stored.expiresAt, stored.proposal)
    }

    var stored: StoredProposal {
        StoredProposal(
            id: id, requestId: requestId, replacesBookingId: replacesBookingId, createdAt: createdAt,
            expiresAt: expiresAt, proposal: proposal)
    }
}
