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
        let (outcome, replaced) = try await ProposalBooking.book(
            proposal: body.proposalId, role: role, services: services)
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
            context.logger.info("Booking refused", metadata: ["proposal": "\(body.proposalId)"])
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
        services.metrics.recordBooking(.cancelled)
        context.logger.info("Booking cancelled", metadata: ["booking": "\(booking.id)", "site": "\(booking.siteId)"])
        return try JSONResponse.make(cancelled)
    }

    @Sendable func reschedule(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let booking = try authorisedBooking(context)
        let offer = try await ProposalBooking.rescheduleOffer(for: booking, services: services)
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
