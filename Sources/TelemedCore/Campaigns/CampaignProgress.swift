/// How far a campaign has got, site by site: patients expected, planned (a proposed, confirmed
/// or held booking), screened (`done`) and missed (`noShow`), from a scenario and the bookings
/// of a plan or of the store.
///
/// ```swift
/// for campaign in CampaignProgress.of(scenario, bookings: plan.bookings) {
///     print(campaign.name, campaign.total.planned, "of", campaign.total.patients)
/// }
/// ```
public struct CampaignProgress: Codable, Hashable, Sendable {
    public struct Figures: Codable, Hashable, Sendable {
        public var patients = 0
        public var planned = 0
        public var done = 0
        public var noShow = 0

        public init() {}

        /// Expected patients with no booking yet.
        public var unplanned: Int { max(0, patients - planned - done - noShow) }

        mutating func count(_ status: BookingStatus?) {
            patients += 1
            switch status {
            case .done: done += 1
            case .noShow: noShow += 1
            case .some(let status) where status.occupiesResources: planned += 1
            default: break
            }
        }
    }

    public struct SiteFigures: Codable, Hashable, Sendable {
        public var siteId: Site.ID
        public var figures: Figures
    }

    public var campaignId: Campaign.ID
    public var name: String
    public var period: Horizon
    /// One entry per site with patients, by site id.
    public var sites: [SiteFigures]
    public var total: Figures

    /// The progress of every campaign of `scenario`, in its order. A request's booking is the one
    /// that occupies resources (its earliest when several).
    public static func of(_ scenario: Scenario, bookings: [Booking]) -> [CampaignProgress] {
        let status = bookings.servingByRequest
        return scenario.campaigns.map { campaign in
            var bySite: [Site.ID: Figures] = [:]
            var total = Figures()
            for request in scenario.requests(of: campaign.id) {
                let booked = status[request.id]?.status
                bySite[request.siteId, default: Figures()].count(booked)
                total.count(booked)
            }
            return CampaignProgress(
                campaignId: campaign.id, name: campaign.name, period: campaign.period,
                sites: bySite.keys.sorted().map { SiteFigures(siteId: $0, figures: bySite[$0]!) }, total: total)
        }
    }
}
