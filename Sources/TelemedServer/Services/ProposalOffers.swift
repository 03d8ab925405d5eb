import Foundation
import Logging
import TelemedCore
import TelemedStore

/// Makes the live plan's proposals for a request, each with an id and an expiry, and stores new
/// requests with what they were offered. The one path of the API (`POST /api/v1/requests`), the
/// staff page's form and a reschedule, so all store, log and count alike.
struct ProposalOffers: Sendable {
    let database: TelemedDatabase
    let livePlan: LivePlan
    let metrics: ServerMetrics
    let ids: IdGenerator
    /// How long a proposal can be booked (`--proposal-lifetime`).
    let lifetime: Duration

    private var clock: ServiceClock { database.clock }

    /// A new consultation request: planned from today (or the plan's first day, if later), stored
    /// with its notes and the proposals offered, and logged without patient data. A request the
    /// engine cannot plan is an ``APIError`` (400) and stores nothing.
    ///
    /// ```swift
    /// let offer = try await offers.request(body, logger: context.logger)
    /// ```
    func request(_ body: ConsultationRequestBody, logger: Logger) async throws -> ProposalOffer {
        let horizon = try await livePlan.horizon()
        let today = max(clock.today(), horizon.start)
        let consultation = try body.request(id: .init(rawValue: ids.next("R-")), today: today)
        let offer = try await make(for: consultation, bookedAs: consultation.id, replacing: nil)
        try database.recordRequest(consultation, notes: body.notes, proposals: offer.stored)
        metrics.recordConsultationRequest(offered: !offer.stored.isEmpty)
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
    func make(
        for consultation: ConsultationRequest, bookedAs requestId: ConsultationRequest.ID,
        replacing bookingId: Booking.ID?
    ) async throws -> ProposalOffer {
        let now = clock.now()
        let set = try await livePlan.proposals(for: consultation, notBefore: now)
        let expiry = now.addingTimeInterval(lifetime.timeInterval)
        let stored = set.proposals.map { proposal in
            StoredProposal(
                id: ids.next("P-"), requestId: requestId, replacesBookingId: bookingId, createdAt: now,
                expiresAt: expiry, proposal: proposal)
        }
        return ProposalOffer(
            stored: stored,
            response: ProposalsResponse(
                requestId: requestId, replacesBookingId: bookingId, proposals: stored.map(ProposalView.init),
                unavailable: set.unavailable.map { UnavailableView(constraint: $0.constraint, reason: $0.reason) }))
    }
}
