import Foundation
import TelemedCore
import TelemedStore

/// Creates a campaign for the API and the planner page alike: checked against the region as
/// stored (the scenario's own campaign validation, the period from today on), stored with one
/// request per expected patient, then planned by a re-optimisation that keeps what staff have
/// already seen (the stability term).
struct CampaignCreation: Sendable {
    let database: TelemedDatabase
    let plans: PlanRunner
    let ids: IdGenerator

    /// The stored campaign and the re-optimisation run planning it. A campaign the region cannot
    /// hold is an ``APIError`` (400) naming the body's field, and stores nothing.
    /// `region`: the stored scenario when the caller has read it already (the planner page has).
    func create(_ body: CampaignBody, in region: Scenario? = nil, actor: String) async throws -> (Campaign, PlanRun) {
        let campaign = body.campaign(id: Campaign.ID(ids.next("C-")))
        let scenario = try region ?? database.schedule().scenario
        let today = WallClock.paris.localDate(of: database.clock.now())
        if campaign.period.start < today {
            throw APIError.invalidBody(
                path: "period.start",
                message: "the campaign would start on \(campaign.period.start), before today (\(today))")
        }
        let requests = try Self.checked(campaign, in: scenario)
        try database.addCampaign(campaign, requests: requests, actor: actor)
        let run = try await plans.start(PlanRequestBody(kind: .reoptimise), actor: actor)
        return (campaign, run)
    }

    /// The campaign's requests, once the scenario's validation accepts it beside what is stored.
    /// The window may end before the campaign does (its later patients wait for the window to
    /// reach them), so the check's horizon reaches the campaign's last day.
    static func checked(_ campaign: Campaign, in stored: Scenario) throws -> [ConsultationRequest] {
        var candidate = stored
        candidate.horizon.end = max(stored.horizon.end, campaign.period.end)
        if candidate.campaigns.contains(where: { $0.id == campaign.id }) {
            throw APIError.conflict(StoreError.campaignExists(campaign.id).description, collisions: [])
        }
        let requests = campaign.requests(sites: stored.sites)
        let position = candidate.campaigns.count
        let firstRequest = candidate.requests.count
        candidate.campaigns.append(campaign)
        candidate.requests += requests
        for issue in ScenarioValidator().validate(candidate) {
            let components = issue.path.components
            guard components.count >= 2, case .index(let index) = components[1] else { continue }
            if components[0] == .key("campaigns"), index == position {
                let field = JSONPath(Array(components.dropFirst(2))).description
                throw APIError.invalidBody(path: field, message: issue.message)
            }
            if components[0] == .key("requests"), index >= firstRequest {
                throw APIError.invalidBody(
                    path: "targets", message: "patient \(requests[index - firstRequest].patientRef): \(issue.message)")
            }
        }
        return requests
    }
}
