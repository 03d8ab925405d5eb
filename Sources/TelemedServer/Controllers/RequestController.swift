import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// `POST /api/v1/requests`: a site's staff ask for a consultation and get up to three proposals.
struct RequestController: Sendable {
    let body: StrictJSON
    let offers: ProposalOffers

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "requests", use: create)
    }

    @Sendable func create(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let consultation = try await body.decode(ConsultationRequestBody.self, from: request)
        try role.requireSite(consultation.siteId.rawValue)
        let offer = try await offers.request(consultation, logger: context.logger)
        return try JSONResponse.make(offer.response, status: .created)
    }
}
