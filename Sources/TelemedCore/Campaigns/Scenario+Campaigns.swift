extension Scenario {
    /// Adds a campaign with the requests it expands into (``Campaign/requests(sites:)``).
    public mutating func add(_ campaign: Campaign) {
        campaigns.append(campaign)
        requests += campaign.requests(sites: sites)
    }

    /// Expands every campaign the requests do not mention yet: a file may state a campaign alone,
    /// and its patients are generated once, when it is read. Requests already listed (a file
    /// written back, a patient removed by hand) are left as they are.
    public mutating func expandUnlistedCampaigns() {
        let listed = Set(requests.compactMap(\.campaignId))
        for campaign in campaigns where !listed.contains(campaign.id) {
            requests += campaign.requests(sites: sites)
        }
    }

    /// The requests of one campaign, in scenario order.
    public func requests(of campaign: Campaign.ID) -> [ConsultationRequest] {
        requests.filter { $0.campaignId == campaign }
    }
}
