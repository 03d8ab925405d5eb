import Hummingbird
import TelemedCore
import TelemedStore

/// Planners' campaigns: `POST /campaigns` (201: stored with one request per expected patient, and
/// a re-optimisation started to plan them), `GET /campaigns` and `GET /campaigns/{id}` with their
/// progress per site.
struct CampaignController: Sendable {
    let body: StrictJSON
    let database: TelemedDatabase
    let creation: CampaignCreation

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "campaigns", use: create)
        routes.on(.get, "campaigns", use: list)
        routes.on(.get, "campaigns/{id}", use: show)
    }

    @Sendable func create(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        try role.requirePlanning()
        let campaignBody = try await body.decode(CampaignBody.self, from: request)
        let (campaign, run) = try await creation.create(campaignBody, actor: role.description)
        context.logger.info(
            "Campaign created", metadata: ["campaign": "\(campaign.id)", "plan": "\(run.id)"])
        var view = try view(of: campaign.id)
        view.reoptimisation = PlanView(run)
        return try JSONResponse.make(view, status: .created, headers: [.location: "/api/v1/campaigns/\(campaign.id)"])
    }

    @Sendable func list(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try context.requireRole().requirePlanning()
        let views = try database.campaignsWithProgress().map { CampaignView(campaign: $0, progress: $1) }
        return try JSONResponse.make(CampaignListView(campaigns: views))
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try context.requireRole().requirePlanning()
        return try JSONResponse.make(try view(of: Campaign.ID(try context.parameters.require("id"))))
    }

    private func view(of id: Campaign.ID) throws -> CampaignView {
        guard let (campaign, progress) = try database.campaignsWithProgress().first(where: { $0.campaign.id == id })
        else { throw APIError.notFound("There is no campaign \(id).") }
        return CampaignView(campaign: campaign, progress: progress)
    }
}
