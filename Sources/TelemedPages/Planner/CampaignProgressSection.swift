import TelemedCore

/// The planner page's campaigns: each campaign's period and figures (patients expected, planned,
/// screened, missed, not yet planned), then site by site, from all its patients' bookings.
public struct CampaignProgressSection: Sendable {
    public var campaigns: [CampaignProgress]
    /// Site id → "name (commune)", for the rows.
    public var siteLabels: [Site.ID: String]

    public init(campaigns: [CampaignProgress], siteLabels: [Site.ID: String]) {
        self.campaigns = campaigns
        self.siteLabels = siteLabels
    }

    /// What `campaign-progress.mustache` shows.
    struct Context {
        struct Row {
            var label: String
            var cells: [String]
        }

        struct Campaign {
            var name: String
            var period: String
            var total: Row
            var sites: [Row]
        }

        var campaigns: [Campaign]
        var hasCampaigns: Bool
    }

    var context: Context {
        let french = FrenchVocabulary.self
        func cells(_ figures: CampaignProgress.Figures) -> [String] {
            [figures.patients, figures.planned, figures.done, figures.noShow, figures.unplanned].map(french.number)
        }
        let shown = campaigns.map { campaign in
            Context.Campaign(
                name: campaign.name,
                period: "du \(french.date(campaign.period.start)) au \(french.date(campaign.period.end))",
                total: Context.Row(label: "Ensemble", cells: cells(campaign.total)),
                sites: campaign.sites.map {
                    Context.Row(label: siteLabels[$0.siteId] ?? $0.siteId.rawValue, cells: cells($0.figures))
                })
        }
        return Context(campaigns: shown, hasCampaigns: !shown.isEmpty)
    }
}
