import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// `POST /api/v1/requests`: a site's staff ask for a consultation and get up to three proposals,
/// and with `"waitlist": true` put it on the site's waiting list as well.
struct RequestController: Sendable {
    let body: StrictJSON
    let offers: ProposalOffers
    let database: TelemedDatabase

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "requests", use: create)
    }

    @Sendable func create(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        let consultation = try await body.decode(ConsultationRequestBody.self, from: request)
        try role.requireSite(consultation.siteId.rawValue)
        var offer = try await offers.request(consultation, logger: context.logger)
        if consultation.waitlist == true {
            let requestId = offer.response.requestId
            try database.joinWaitlist(
                requestId, wantsBefore: offer.stored.map(\.proposal.start).min(), actor: role.description)
            offer.response.waitlist = try WaitlistEntryView.place(
                of: requestId, at: consultation.siteId, in: database)
            context.logger.info("Request put on the waiting list", metadata: ["request": "\(requestId)"])
        }
        return try JSONResponse.make(offer.response, status: .created)
    }
}
