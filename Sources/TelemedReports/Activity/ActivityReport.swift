import TelemedCore

/// The evaluation report of a period, as funders ask for it (`activity.json`, and what
/// `activity.csv` and `activity.html` write): requests, bookings and their outcomes per month,
/// department, site and specialty; waits from request to consultation by urgency against the
/// urgency's delay; unit kilometres and stops per month and unit. Built from the store's
/// ``ActivityFigures``; what each figure counts by is on ``ActivityCounts``, ``UrgencyWaits`` and
/// ``UnitActivity``.
///
/// ```swift
/// let report = ActivityReport(figures: try database.activityFigures(in: period, asOf: today), asOf: today,
///                             departments: try CommuneCatalog.shippedDepartments())
/// let json = try ScenarioCoder.encode(report)   // sorted keys, the same bytes for the same figures
/// ```
public struct ActivityReport: Codable, Hashable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var period: ActivityPeriod
    /// The day the figures were read: sessions and routes after it are still to come.
    public var asOf: LocalDate
    public var scenarioName: String
    /// The whole period, every site.
    public var total: ActivityCounts
    /// One row per month, department, site and specialty with any figure other than zero.
    public var rows: [Row]
    /// Every month of the period (zeros included), with the units' routes of the month.
    public var months: [Month]
    /// Every department holding a site (zeros included), by code.
    public var departments: [DepartmentTotal]
    /// Every specialty with any figure, by name.
    public var specialties: [SpecialtyTotal]
    /// Every site with any figure, by department then the scenario's order.
    public var sites: [SiteTotal]
    /// How many of the database's sites have no figure at all in the period.
    public var sitesWithoutActivity: Int
    /// Urgent, soon, routine.
    public var waits: [UrgencyWaits]
    /// Every unit (zeros included), over the whole period.
    public var units: [UnitTotal]
    /// One entry per month and unit with a stored route.
    public var unitMonths: [UnitMonth]
    /// The waiting list's length at the end of each day of the period through `asOf` (a day not
    /// over yet at the time of reading). Absent when no day of the period has come yet, and in
    /// reports written before telemed kept a waiting list: never a figure made up.
    public var waitingList: [WaitingListLength]?
    /// The campaigns running during the period and their progress per site at `asOf`; absent when
    /// none ran (and in reports made before campaigns existed).
    public var campaigns: [CampaignTotal]?

    public init(figures: ActivityFigures, asOf: LocalDate, departments names: [Department]) {
        let directory = ActivityDirectory(figures)
        formatVersion = Self.currentFormatVersion
        period = figures.period
        self.asOf = asOf
        scenarioName = figures.scenarioName
        total = figures.counts.total
        rows = figures.counts.map { count in
            let site = directory.site(count.siteId)
            return Row(
                month: count.month, department: site.departmentCode, siteId: count.siteId, siteName: site.name,
                specialty: count.specialty, counts: count.counts)
        }
        .sorted {
            ($0.month, $0.department, directory.position(of: $0.siteId), $0.specialty.rawValue)
                < ($1.month, $1.department, directory.position(of: $1.siteId), $1.specialty.rawValue)
        }
        let countsByMonth = Dictionary(grouping: figures.counts, by: \.month)
        let unitsByMonth = Dictionary(grouping: figures.unitMonths, by: \.month)
        months = figures.period.months.map { month in
            Month(month: month, counts: (countsByMonth[month] ?? []).total, units: (unitsByMonth[month] ?? []).total)
        }
        departments = Self.departments(figures, directory, names: names)
        specialties = Dictionary(grouping: figures.counts, by: \.specialty)
            .map { SpecialtyTotal(specialty: $0.key, counts: $0.value.total) }
            .sorted { FrenchVocabulary.specialty($0.specialty) < FrenchVocabulary.specialty($1.specialty) }
        let countsBySite = Dictionary(grouping: figures.counts, by: \.siteId)
        sites = countsBySite.map { id, counts in
            let site = directory.site(id)
            return SiteTotal(
                id: id, name: site.name, commune: site.commune, department: site.departmentCode, counts: counts.total)
        }
        .sorted {
            ($0.department, directory.position(of: $0.id), $0.id.rawValue)
                < ($1.department, directory.position(of: $1.id), $1.id.rawValue)
        }
        sitesWithoutActivity = figures.sites.filter { countsBySite[$0.id] == nil }.count
        let waitsByUrgency = Dictionary(grouping: figures.waits, by: \.urgency)
        waits = Urgency.allCases.map {
            UrgencyWaits(urgency: $0, delayDays: figures.urgencyDelays[$0], counts: waitsByUrgency[$0] ?? [])
        }
        unitMonths = figures.unitMonths.map {
            UnitMonth(
                month: $0.month, unitId: $0.unitId, unitName: directory.name(of: $0.unitId),
                activity: $0.activity.rounded)
        }
        .sorted {
            ($0.month, directory.position(of: $0.unitId), $0.unitId.rawValue)
                < ($1.month, directory.position(of: $1.unitId), $1.unitId.rawValue)
        }
        let activityByUnit = Dictionary(grouping: figures.unitMonths, by: \.unitId)
        let strangers = activityByUnit.keys.filter { directory.position(of: $0) == .max }.sorted()
        units = (figures.units.map(\.id) + strangers).map { id in
            UnitTotal(unitId: id, unitName: directory.name(of: id), activity: (activityByUnit[id] ?? []).total)
        }
        waitingList = figures.waitingList.isEmpty ? nil : figures.waitingList
        campaigns =
            figures.campaigns.isEmpty
            ? nil
            : figures.campaigns.map { campaign in
                CampaignTotal(
                    campaignId: campaign.campaignId, name: campaign.name, period: campaign.period,
                    total: campaign.total,
                    sites: campaign.sites.map {
                        let site = directory.site($0.siteId)
                        return CampaignTotal.SiteFigures(siteId: $0.siteId, siteName: site.name, figures: $0.figures)
                    })
            }
    }

    /// Every department holding a site or counted, by code, named from `names` (else its code).
    private static func departments(_ figures: ActivityFigures, _ directory: ActivityDirectory, names: [Department])
        -> [DepartmentTotal]
    {
        let counts = Dictionary(grouping: figures.counts) { directory.site($0.siteId).departmentCode }
        return Set(figures.sites.map(\.departmentCode)).union(counts.keys).sorted().map { code in
            DepartmentTotal(
                code: code, name: names.first { $0.code == code }?.name ?? code, counts: (counts[code] ?? []).total)
        }
    }
}

/// The sites and units of a period's figures by id, and their place in the scenario's order.
private struct ActivityDirectory {
    private var sites: [Site.ID: (position: Int, site: ActivitySite)] = [:]
    private var units: [MobileUnit.ID: (position: Int, name: String)] = [:]

    init(_ figures: ActivityFigures) {
        for (position, site) in figures.sites.enumerated() where sites[site.id] == nil {
            sites[site.id] = (position, site)
        }
        for (position, unit) in figures.units.enumerated() where units[unit.id] == nil {
            units[unit.id] = (position, unit.name)
        }
    }

    /// A site the figures name but the list lacks shows its id and no department.
    func site(_ id: Site.ID) -> ActivitySite {
        sites[id]?.site ?? ActivitySite(id: id, name: id.rawValue, commune: "", departmentCode: "")
    }

    func position(of id: Site.ID) -> Int { sites[id]?.position ?? .max }

    func position(of id: MobileUnit.ID) -> Int { units[id]?.position ?? .max }

    func name(of id: MobileUnit.ID) -> String { units[id]?.name ?? id.rawValue }
}

extension [ActivityCount] {
    var total: ActivityCounts { reduce(.zero) { $0 + $1.counts } }
}

extension [UnitMonthCount] {
    /// Kilometres to the tenth (``UnitActivity/rounded``).
    var total: UnitActivity { reduce(.zero) { $0 + $1.activity }.rounded }
}

extension UnitActivity {
    /// Kilometres to the tenth, as reports show them; sums of unrounded legs otherwise carry
    /// floating-point noise into the JSON.
    var rounded: UnitActivity {
        UnitActivity(days: days, stops: stops, kilometres: (kilometres * 10).rounded() / 10)
    }
}
