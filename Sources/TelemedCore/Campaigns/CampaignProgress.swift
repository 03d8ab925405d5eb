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

        public init(siteId: Site.ID, figures: Figures) {
            self.siteId = siteId
            self.figures = figures
        }
    }

    public var campaignId: Campaign.ID
    public var name: String
    public var period: Horizon
    /// One entry per site with patients, by site id.
    public var sites: [SiteFigures]
    public var total: Figures

    public init(campaignId: Campaign.ID, name: String, period: Horizon, sites: [SiteFigures], total: Figures) {
        self.campaignId = campaignId
        self.name = name
        self.period = period
        self.sites = sites
        self.total = total
    }

    /// One of a campaign's patients: the request that screens them, where.
    public struct Patient: Hashable, Sendable {
        public var requestId: ConsultationRequest.ID
        public var siteId: Site.ID
        public var campaignId: Campaign.ID

        public init(requestId: ConsultationRequest.ID, siteId: Site.ID, campaignId: Campaign.ID) {
            self.requestId = requestId
            self.siteId = siteId
            self.campaignId = campaignId
        }
    }

    /// The progress of every campaign of `scenario`, in its order, from a plan's bookings.
    public static func of(_ scenario: Scenario, bookings: [Booking]) -> [CampaignProgress] {
        let patients = scenario.requests.compactMap { request in
            request.campaignId.map { Patient(requestId: request.id, siteId: request.siteId, campaignId: $0) }
        }
        return of(scenario.campaigns, patients: patients, bookings: bookings)
    }

    /// The progress of `campaigns`, in their order. A patient's booking is the one that occupies
    /// resources (its earliest when several): an outcome is one of them, a cancelled or unheld
    /// session leaves the patient to plan again.
    public static func of(_ campaigns: [Campaign], patients: [Patient], bookings: [Booking]) -> [CampaignProgress] {
        let status = bookings.servingByRequest
        let byCampaign = Dictionary(grouping: patients, by: \.campaignId)
        return campaigns.map { campaign in
            var bySite: [Site.ID: Figures] = [:]
            var total = Figures()
            for patient in byCampaign[campaign.id] ?? [] {
                let booked = status[patient.requestId]?.status
                bySite[patient.siteId, default: Figures()].count(booked)
                total.count(booked)
            }
            return CampaignProgress(
                campaignId: campaign.id, name: campaign.name, period: campaign.period,
                sites: bySite.keys.sorted().map { SiteFigures(siteId: $0, figures: bySite[$0]!) }, total: total)
        }
    }
}
