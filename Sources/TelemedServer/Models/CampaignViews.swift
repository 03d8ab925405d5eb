import Foundation
import TelemedCore

/// A campaign as the API shows it: its definition and its progress site by site, from all its
/// patients' bookings (planned, screened = `done`, missed = `noShow`).
struct CampaignView: Codable, Sendable {
    var campaign: Campaign
    var progress: CampaignProgress
    /// On creation: the re-optimisation started to plan the new patients (`GET /api/v1/plans/{id}`).
    var reoptimisation: PlanView?
}

/// `GET /api/v1/campaigns`: every stored campaign, in creation order.
struct CampaignListView: Codable, Sendable {
    var campaigns: [CampaignView]
}
