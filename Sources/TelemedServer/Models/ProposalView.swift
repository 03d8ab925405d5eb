import Foundation
import TelemedCore
import TelemedStore

/// One proposal as the API shows it: what staff choose from, and book by `id` before `expiresAt`.
struct ProposalView: Codable, Sendable {
    var id: String
    var specialistId: Specialist.ID?
    var siteId: Site.ID
    var start: Date
    var end: Date
    /// `async` only: when the specialist reviews the captured data.
    var review: UTCInterval?
    var host: BookingHost
    var daysLate: Int
    var expiresAt: Date

    init(_ stored: StoredProposal) {
        let proposal = stored.proposal
        id = stored.id
        specialistId = proposal.specialistId
        siteId = proposal.siteId
        start = proposal.start
        end = proposal.end
        review = proposal.review
        host = proposal.host
        daysLate = proposal.daysLate
        expiresAt = stored.expiresAt
    }
}

/// The body of a 201 from `POST /requests` and `POST /bookings/{id}/reschedule`.
struct ProposalsResponse: Codable, Sendable {
    var requestId: ConsultationRequest.ID
    /// Set for a reschedule: booking one of these proposals replaces this booking.
    var replacesBookingId: Booking.ID?
    var proposals: [ProposalView]
    /// When there is no proposal: the blocking rule and why.
    var unavailable: UnavailableView?
    /// Set when the request was put on its site's waiting list (`"waitlist": true`).
    var waitlist: WaitlistEntryView?
    /// Set for a care series: the occurrences stored and the days they would take.
    var series: SeriesView?
}

/// Why a request got no proposal.
struct UnavailableView: Codable, Sendable {
    var constraint: ConstraintName
    var reason: String
    /// For a series occurrence whose neighbours' spacing leaves no slot: the gaps and the days.
    var spacing: SpacingView?
}
