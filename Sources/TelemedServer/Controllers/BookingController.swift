import Foundation
import Hummingbird
import Logging
import TelemedCore
import TelemedStore

/// Bookings: book a proposal, read, cancel, reschedule, record the session's outcome.
///
/// A reschedule offers new proposals and leaves the booking as it is; booking one of them cancels
/// the old booking and confirms the new one in one transaction (a new booking id: the specialist
/// or host may change), so a refused move leaves the old booking confirmed.
struct BookingController: Sendable {
    let body: StrictJSON
    let store: any BookingStore
    let booking: ProposalBooking
    let outcomes: SessionOutcomes
    /// A cancellation frees a slot for the waiting list.
    let waitlist: WaitlistOffers
    let metrics: ServerMetrics

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "bookings", use: book)
        routes.on(.get, "bookings/{id}", use: show)
        routes.on(.post, "bookings/{id}/cancel", use: cancel)
        routes.on(.post, "bookings/{id}/reschedule", use: reschedule)
        routes.on(.post, "bookings/{id}/outcome", use: outcome)
    }

    @Sendable func book(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let chosen = try await body.decode(BookingRequestBody.self, from: request)
        let (outcome, replaced) = try await booking.book(proposal: chosen.proposalId, role: role)
        switch outcome {
        case .accepted(let confirmed):
            context.logger.info(
                "Booking confirmed",
                metadata: [
                    "booking": "\(confirmed.id)", "site": "\(confirmed.siteId)",
                    "replaced": "\(replaced?.rawValue ?? "-")",
                ])
            return try JSONResponse.make(
                confirmed, status: .created, headers: [.location: "/api/v1/bookings/\(confirmed.id)"])
        case .conflict(let conflict):
            context.logger.info("Booking refused", metadata: ["proposal": "\(chosen.proposalId)"])
            throw APIError.conflict(
                conflict.description.trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    + ". Nothing was booked; ask for new proposals.",
                collisions: conflict.collisions.map(CollisionView.init))
        }
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try JSONResponse.make(try authorisedBooking(context))
    }

    @Sendable func cancel(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let existing = try authorisedBooking(context)
        let cancelled = try store.cancel(existing.id, actor: try context.requireRole().description)
        metrics.recordBooking(.cancelled)
        context.logger.info(
            "Booking cancelled", metadata: ["booking": "\(existing.id)", "site": "\(existing.siteId)"])
        await waitlist.offerFreed(by: "cancellation")
        return try JSONResponse.make(cancelled)
    }

    @Sendable func reschedule(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let offer = try await booking.rescheduleOffer(for: try authorisedBooking(context))
        return try JSONResponse.make(offer.response, status: .created)
    }

    /// What became of the session, by its site's staff, its unit's crew, its specialist or a
    /// planner (403 for anyone else): 409 before the session's start, for a cancelled booking, or
    /// when a session turned back from `notHeld` collides with its request's new booking.
    @Sendable func outcome(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let recorded = try await body.decode(OutcomeRequestBody.self, from: request)
        let id = try context.parameters.require("id")
        guard let existing = try store.booking(Booking.ID(rawValue: id)) else {
            throw APIError.notFound("There is no booking \(id).")
        }
        let result = try await outcomes.record(
            existing, recorded.outcome, reason: recorded.reason, expectedVersion: recorded.expectedVersion,
            role: role, logger: context.logger)
        switch result {
        case .accepted(let booking): return try JSONResponse.make(booking)
        case .conflict(let conflict):
            throw APIError.conflict(
                conflict.description.trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    + ". Nothing was recorded.",
                collisions: conflict.collisions.map(CollisionView.init))
        }
    }

    /// The booking named in the path, if the caller may act for its site: 404 when unknown,
    /// 403 for another site's staff.
    private func authorisedBooking(_ context: TelemedRequestContext) throws -> Booking {
        let role = try context.requireRole()
        let id = try context.parameters.require("id")
        guard let booking = try store.booking(Booking.ID(rawValue: id)) else {
            throw APIError.notFound("There is no booking \(id).")
        }
        try role.requireSite(booking.siteId.rawValue)
        return booking
    }
}
