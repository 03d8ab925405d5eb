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
    /// engine cannot plan is an ``APIError`` (400) and stores nothing. A care series is stored as
    /// one request per occurrence (``ConsultationRequest/expandingSeries()``), all or none; the
    /// first is offered slots, the later ones are placed spaced from its booking, and the
    /// response says the days they would take (``SeriesView``).
    ///
    /// ```swift
    /// let offer = try await offers.request(body, logger: context.logger)
    /// ```
    func request(_ body: ConsultationRequestBody, logger: Logger) async throws -> ProposalOffer {
        let horizon = try await livePlan.horizon()
        let today = max(clock.today(), horizon.start)
        let consultation = try body.request(id: .init(rawValue: ids.next("R-")), today: today)
        let occurrences = consultation.expandingSeries()
        let first = occurrences[0]
        var offer = try await make(for: first, bookedAs: first.id, replacing: nil)
        try database.recordRequests(occurrences, notes: body.notes, proposals: offer.stored)
        offer.response.series = SeriesView(occurrences, first: offer.stored.first)
        metrics.recordConsultationRequest(offered: !offer.stored.isEmpty)
        logger.info(
            "Request recorded",
            metadata: [
                "request": "\(first.id)", "site": "\(first.siteId)", "proposals": "\(offer.stored.count)",
                "occurrences": "\(occurrences.count)",
            ])
        return offer
    }

    /// Proposals to move `booking` of the stored request `original`, planned on a copy under a
    /// fresh id (the original holds its place in the plan). A care series occurrence is offered
    /// only days that keep its spacing with its booked neighbours (``OccurrenceWindow``); when
    /// none can, `unavailable` says so with the gaps and the days, under `seriesSpacing`.
    func move(_ booking: Booking, of original: ConsultationRequest) async throws -> ProposalOffer {
        let copyId = ConsultationRequest.ID(rawValue: ids.next("R-"))
        guard let window = try OccurrenceWindow.of(original, in: database) else {
            var copy = original
            copy.id = copyId
            return try await make(for: copy, bookedAs: original.id, replacing: booking.id)
        }
        let days = OccurrenceWindow.plannableDays(try await livePlan.horizon(), today: clock.today())
        guard let copy = window.copy(of: original, as: copyId, within: days) else {
            let unavailable =
                window.isBounded
                ? window.unavailable(within: days, blocked: nil)
                : UnavailableView(
                    constraint: .withinHorizon,
                    reason: "no day is left to plan it (\(days.lowerBound) to \(days.upperBound))")
            return ProposalOffer(
                stored: [],
                response: ProposalsResponse(
                    requestId: original.id, replacesBookingId: booking.id, proposals: [], unavailable: unavailable))
        }
        var offer = try await make(for: copy, bookedAs: original.id, replacing: booking.id)
        if offer.stored.isEmpty && window.isBounded {
            offer.response.unavailable = window.unavailable(within: days, blocked: offer.response.unavailable)
        }
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
