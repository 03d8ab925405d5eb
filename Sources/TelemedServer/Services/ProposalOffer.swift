import Foundation
import TelemedCore
import TelemedStore

/// Proposals for a request, ready to store and to send: the live plan's proposals, each with an
/// id and an expiry. Shared by a new request and a reschedule.
struct ProposalOffer {
    var stored: [StoredProposal]
    var response: ProposalsResponse

    /// `consultation` is what the engine plans (for a reschedule, a copy under a fresh id);
    /// `requestId` is the stored request the bookings will name.
    static func make(
        for consultation: ConsultationRequest, bookedAs requestId: ConsultationRequest.ID,
        replacing bookingId: Booking.ID?, services: ServerServices
    ) async throws -> ProposalOffer {
        let set = try await services.livePlan.proposals(for: consultation)
        let now = Date()
        let expiry = now.addingTimeInterval(services.configuration.proposalLifetime.timeInterval)
        let stored = set.proposals.map { proposal in
            StoredProposal(
                id: ServerServices.newId("P-"), requestId: requestId, replacesBookingId: bookingId, createdAt: now,
                expiresAt: expiry, proposal: proposal)
        }
        return ProposalOffer(
            stored: stored,
            response: ProposalsResponse(
                requestId: requestId, replacesBookingId: bookingId, proposals: stored.map(ProposalView.init),
                unavailable: set.unavailable.map { UnavailableView(constraint: $0.constraint, reason: $0.reason) }))
    }
}

extension Duration {
    /// Whole and fractional seconds, for `Date` arithmetic.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
