import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// The waiting list: a site's list with each request's place and held slot, a stored request put
/// on it after the fact, an offer declined, a request taken off. Joining when asking is
/// `POST /api/v1/requests` with `"waitlist": true`. Site staff act for their own site only.
struct WaitlistController: Sendable {
    let database: TelemedDatabase
    let waitlist: WaitlistOffers

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "sites/{id}/waitlist", use: list)
        routes.on(.post, "requests/{id}/waitlist", use: join)
        routes.on(.post, "requests/{id}/waitlist/decline", use: decline)
        routes.on(.post, "requests/{id}/waitlist/withdraw", use: withdraw)
    }

    @Sendable func list(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let site = try context.parameters.require("id")
        try role.requireSite(site)
        guard try database.contains(site: Site.ID(rawValue: site)) else {
            throw APIError.notFound("There is no site \(site).")
        }
        try await waitlist.refresh()
        let entries = try database.waitlist(siteId: Site.ID(rawValue: site))
        return try JSONResponse.make(
            WaitlistView(siteId: Site.ID(rawValue: site), entries: WaitlistEntryView.numbered(entries)))
    }

    /// A stored request the staff could not book: offers will start before the earliest slot it
    /// was offered that has not expired (any slot when none is left).
    @Sendable func join(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (role, consultation) = try authorisedRequest(context)
        try database.joinWaitlistAfterProposals(consultation.id, actor: role.description)
        context.logger.info("Request put on the waiting list", metadata: ["request": "\(consultation.id)"])
        return try JSONResponse.make(try place(of: consultation), status: .created)
    }

    @Sendable func decline(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (role, consultation) = try authorisedRequest(context)
        let declined = try database.declineOffer(for: consultation.id, actor: role.description)
        context.logger.info("Waitlist offer declined", metadata: ["booking": "\(declined.bookingId)"])
        await waitlist.offerFreed(by: "decline", skipping: [consultation.id])
        return try JSONResponse.make(try place(of: consultation))
    }

    @Sendable func withdraw(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (role, consultation) = try authorisedRequest(context)
        let held = try database.waitlistEntry(consultation.id)?.offer
        try database.leaveWaitlist(consultation.id, actor: role.description)
        context.logger.info("Request taken off the waiting list", metadata: ["request": "\(consultation.id)"])
        if held != nil { await waitlist.offerFreed(by: "withdrawal") }
        return Response(status: .noContent)
    }

    /// The request in the path, if the caller may act for its site: 404 when unknown, 403 for
    /// another site's staff.
    private func authorisedRequest(_ context: TelemedRequestContext) throws -> (AccessRole, ConsultationRequest) {
        let role = try context.requireRole()
        let id = try context.parameters.require("id")
        guard let consultation = try database.request(id: ConsultationRequest.ID(rawValue: id)) else {
            throw APIError.notFound("There is no request \(id).")
        }
        try role.requireSite(consultation.siteId.rawValue)
        return (role, consultation)
    }

    /// The request's place among its site's waiting requests.
    private func place(of consultation: ConsultationRequest) throws -> WaitlistEntryView {
        guard let place = try WaitlistEntryView.place(of: consultation.id, at: consultation.siteId, in: database) else {
            throw APIError.conflict(StoreError.notWaiting(consultation.id).description, collisions: [])
        }
        return place
    }
}
