import Foundation
import Hummingbird
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
        let offer = try await ProposalOffer.request(body, services: services, logger: context.logger)
        return try JSONResponse.make(offer.response, status: .created)
    }
}
