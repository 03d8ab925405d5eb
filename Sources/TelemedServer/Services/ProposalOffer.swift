import Foundation
import Logging
import TelemedCore
import TelemedStore

/// Proposals for a request, ready to store and to send: the live plan's proposals, each with an
/// id and an expiry. Shared by a new request and a reschedule.
struct ProposalOffer {
    var stored: [StoredProposal]
    var response: ProposalsResponse

    /// A new consultation request: planned from today (or the plan's first day, if later), stored
    /// with its notes and the proposals offered, and logged without patient data. The one path of
    /// the API (`POST /api/v1/requests`) and the staff page's form, so both store, log and count
    /// alike. A request the engine cannot plan is an ``APIError`` (400) and stores nothing.
    ///
    /// ```swift
    /// let offer = try await ProposalOffer.request(body, services: services, logger: context.logger)
    /// ```
    static func request(
        _ body: ConsultationRequestBody, services: ServerServices, logger: Logger
    ) async throws -> ProposalOffer {
        let horizon = try await services.livePlan.horizon()
        let today = max(services.clock.today(), horizon.start)
        let consultation = try body.request(id: .init(rawValue: services.newId("R-")), today: today)
        let offer = try await make(for: consultation, bookedAs: consultation.id, replacing: nil, services: services)
        try services.database.recordRequest(consultation, notes: body.notes, proposals: offer.stored)
        services.metrics.recordConsultationRequest(offered: !offer.stored.isEmpty)
        logger.info(
            "Request recorded",
            metadata: [
                "request": "\(consultation.id)", "site": "\(consultation.siteId)",
                "proposals": "\(offer.stored.count)",
            ])
        return offer
    }

    /// `consultation` is what the engine plans (for a reschedule, a copy under a fresh id);
    /// `requestId` is the stored request the bookings will name.
    static func make(
        for consultation: ConsultationRequest, bookedAs requestId: ConsultationRequest.ID,
        replacing bookingId: Booking.ID?, services: ServerServices
    ) async throws -> ProposalOffer {
        let now = services.clock.now()
        let set = try await services.livePlan.proposals(for: consultation, notBefore: now)
        let expiry = now.addingTimeInterval(services.configuration.proposalLifetime.timeInterval)
        let stored = set.proposals.map { proposal in
            StoredProposal(
                id: services.newId("P-"), requestId: requestId, replacesBookingId: bookingId, createdAt: now,
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
