import Foundation
import Hummingbird
import Logging
import TelemedCore
import TelemedStore

/// Bookings: book a proposal, read, cancel, reschedule.
///
/// A reschedule offers new proposals and leaves the booking as it is; booking one of them cancels
/// the old booking and confirms the new one in one transaction (a new booking id: the specialist
/// or host may change), so a refused move leaves the old booking confirmed.
struct BookingController: Sendable {
    let services: ServerServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "bookings", use: book)
        routes.on(.get, "bookings/{id}", use: show)
        routes.on(.post, "bookings/{id}/cancel", use: cancel)
        routes.on(.post, "bookings/{id}/reschedule", use: reschedule)
    }

    @Sendable func book(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let body = try await services.body.decode(BookingRequestBody.self, from: request)
        guard let stored = try services.database.proposal(id: body.proposalId) else {
            throw APIError.notFound(
                "There is no proposal \(body.proposalId): ask for proposals with POST /api/v1/requests.")
        }
        try role.requireSite(stored.proposal.siteId.rawValue)
        guard stored.expiresAt > Date() else {
            throw APIError.gone(
                "Proposal \(stored.id) expired at \(stored.expiresAt.formatted(.iso8601)); "
                    + "ask for new proposals.")
        }
        // One booking id per proposal, so booking the same proposal twice is refused by the store.
        let booking = stored.booking(id: Booking.ID(rawValue: "B-" + stored.id.dropFirst(2)))
        let outcome = try services.store.book(
            booking, route: stored.route, replacing: stored.replacesBookingId, actor: role.description)
        switch outcome {
        case .accepted(let confirmed):
            services.metrics.recordBooking("confirmed")
            if stored.replacesBookingId != nil { services.metrics.recordBooking("cancelled") }
            context.logger.info(
                "Booking confirmed",
                metadata: [
                    "booking": "\(confirmed.id)", "site": "\(confirmed.siteId)",
                    "replaced": "\(stored.replacesBookingId?.rawValue ?? "-")",
                ])
            return try JSONResponse.make(
                confirmed, status: .created, headers: [.location: "/api/v1/bookings/\(confirmed.id)"])
        case .conflict(let conflict):
            context.logger.info("Booking refused", metadata: ["booking": "\(booking.id)"])
            throw APIError.conflict(
                conflict.description.trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    + ". Nothing was booked; ask for new proposals.",
                collisions: conflict.collisions.map(CollisionView.init))
        }
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let booking = try authorisedBooking(context)
        return try JSONResponse.make(booking)
    }

    @Sendable func cancel(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let booking = try authorisedBooking(context)
        let cancelled = try services.store.cancel(booking.id, actor: try context.requireRole().description)
        services.metrics.recordBooking("cancelled")
        context.logger.info("Booking cancelled", metadata: ["booking": "\(booking.id)", "site": "\(booking.siteId)"])
        return try JSONResponse.make(cancelled)
    }

    @Sendable func reschedule(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let booking = try authorisedBooking(context)
        guard booking.status == .confirmed || booking.status == .proposed else {
            throw APIError.conflict(
                StoreError.notReschedulable(booking.id, status: booking.status).description, collisions: [])
        }
        guard let original = try services.database.request(id: booking.requestId) else {
            throw APIError.notFound("The request of booking \(booking.id) is no longer stored.")
        }
        // The engine plans a copy under a fresh id (the original is already in its plan); the
        // booking it becomes names the original request.
        var copy = original
        copy.id = .init(rawValue: ServerServices.newId("R-"))
        let offer = try await ProposalOffer.make(
            for: copy, bookedAs: original.id, replacing: booking.id, services: services)
        try services.database.saveProposals(offer.stored)
        return try JSONResponse.make(offer.response, status: .created)
    }

    /// The booking named in the path, if the caller may act for its site: 404 when unknown,
    /// 403 for another site's staff.
    private func authorisedBooking(_ context: TelemedRequestContext) throws -> Booking {
        let role = try context.requireRole()
        let id = try context.parameters.require("id")
        guard let booking = try services.store.booking(Booking.ID(rawValue: id)) else {
            throw APIError.notFound("There is no booking \(id).")
        }
        try role.requireSite(booking.siteId.rawValue)
        return booking
    }
}
