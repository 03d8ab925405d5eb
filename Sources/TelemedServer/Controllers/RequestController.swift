import Foundation
import Hummingbird
import Logging
import TelemedCore
import TelemedStore

/// `POST /api/v1/requests`: a site's staff ask for a consultation and get up to three proposals.
struct RequestController: Sendable {
    let services: ServerServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "requests", use: create)
    }

    @Sendable func create(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let body = try await services.body.decode(ConsultationRequestBody.self, from: request)
        try role.requireSite(body.siteId.rawValue)
        let horizon = try await services.livePlan.horizon()
        let today = max(WallClock.paris.localDate(of: Date()), horizon.start)
        let consultation = try body.request(id: .init(rawValue: ServerServices.newId("R-")), today: today)
        let offer = try await ProposalOffer.make(
            for: consultation, bookedAs: consultation.id, replacing: nil, services: services)
        try services.database.recordRequest(consultation, notes: body.notes, proposals: offer.stored)
        context.logger.info(
            "Request recorded",
            metadata: [
                "request": "\(consultation.id)", "site": "\(consultation.siteId)",
                "proposals": "\(offer.stored.count)",
            ])
        return try JSONResponse.make(offer.response, status: .created)
    }
}
