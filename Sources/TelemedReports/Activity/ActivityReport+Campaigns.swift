import TelemedCore

extension ActivityReport {
    /// A campaign's progress as the report keeps it: its figures, then each site's, named.
    public struct CampaignTotal: Codable, Hashable, Sendable {
        public struct SiteFigures: Codable, Hashable, Sendable {
            public var siteId: Site.ID
            public var siteName: String
            public var figures: CampaignProgress.Figures
        }

        public var campaignId: Campaign.ID
        public var name: String
        public var period: Horizon
        public var total: CampaignProgress.Figures
        public var sites: [SiteFigures]
    }
}

extension ActivityReportPage {
    static let campaignColumns = ["Patients attendus", "Planifiés", "Dépistés", "Absents", "À planifier"]

    /// One block per campaign: its total, then its sites; nil when no campaign ran.
    func campaignTable() -> ReportTable? {
        guard let campaigns = report.campaigns, !campaigns.isEmpty else { return nil }
        let french = FrenchVocabulary.self
        func cells(_ figures: CampaignProgress.Figures) -> [ReportTable.Cell] {
            [figures.patients, figures.planned, figures.done, figures.noShow, figures.unplanned].map {
                ReportTable.Cell(french.number($0))
            }
        }
        return ReportTable(
            caption: "Avancement des campagnes au \(french.date(report.asOf))", corner: "Campagne, puis lieu",
            columns: Self.campaignColumns,
            rows: campaigns.flatMap { campaign in
                [
                    ReportTable.Row(
                        label: "\(campaign.name) (du \(french.date(campaign.period.start)) au "
                            + "\(french.date(campaign.period.end)))",
                        cells: cells(campaign.total))
                ] + campaign.sites.map { ReportTable.Row(label: "· \($0.siteName)", cells: cells($0.figures)) }
            })
    }
}
