import TelemedCore

/// The evaluation report of a period, as funders ask for it (`activity.json`, and what
/// `activity.csv` and `activity.html` write): requests, bookings and their outcomes per month,
/// department, site and specialty; waits from request to consultation by urgency against the
/// urgency's delay; unit kilometres and stops per month and unit. Built from the store's
/// ``ActivityFigures``; what each figure counts by is on ``ActivityCounts``, ``UrgencyWaits`` and
/// ``UnitActivity``.
///
/// ```swift
/// let report = ActivityReport(figures: try database.activityFigures(in: period), asOf: today,
///                             departments: try CommuneCatalog.shipped(region: "27").departments)
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
    /// The waiting list's length over the period. Absent (not empty, not zero) until telemed keeps
    /// a waiting list: nothing else measures it, and no figure is made up for it.
    public var waitingList: [WaitingListLength]?

    public init(figures: ActivityFigures, asOf: LocalDate, departments names: [Department]) {
        formatVersion = Self.currentFormatVersion
        period = figures.period
        self.asOf = asOf
        scenarioName = figures.scenarioName
        total = figures.counts.reduce(.zero) { $0 + $1.counts }
        let sitesById = Dictionary(figures.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sitePosition = Dictionary(
            figures.sites.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let departmentName = { (code: String) in names.first { $0.code == code }?.name ?? code }
        func site(_ id: Site.ID) -> ActivitySite {
            sitesById[id] ?? ActivitySite(id: id, name: id.rawValue, commune: "", departmentCode: "")
        }

        rows = figures.counts.map { count in
            let place = site(count.siteId)
            return Row(
                month: count.month, department: place.departmentCode, siteId: count.siteId, siteName: place.name,
                specialty: count.specialty, counts: count.counts)
        }
        .sorted {
            ($0.month, $0.department, sitePosition[$0.siteId] ?? .max, $0.specialty.rawValue)
                < ($1.month, $1.department, sitePosition[$1.siteId] ?? .max, $1.specialty.rawValue)
        }

        let countsByMonth = Dictionary(grouping: figures.counts, by: \.month)
        let unitsByMonth = Dictionary(grouping: figures.unitMonths, by: \.month)
        months = figures.period.months.map { month in
            Month(
                month: month, counts: (countsByMonth[month] ?? []).reduce(.zero) { $0 + $1.counts },
                units: (unitsByMonth[month] ?? []).reduce(.zero) { $0 + $1.activity }.rounded)
        }

        let countsByDepartment = Dictionary(grouping: figures.counts) { site($0.siteId).departmentCode }
        departments = Set(figures.sites.map(\.departmentCode)).union(countsByDepartment.keys).sorted().map { code in
            DepartmentTotal(
                code: code, name: departmentName(code),
                counts: (countsByDepartment[code] ?? []).reduce(.zero) { $0 + $1.counts })
        }

        specialties = Dictionary(grouping: figures.counts, by: \.specialty)
            .map { SpecialtyTotal(specialty: $0.key, counts: $0.value.reduce(.zero) { $0 + $1.counts }) }
            .sorted { FrenchVocabulary.specialty($0.specialty) < FrenchVocabulary.specialty($1.specialty) }

        let countsBySite = Dictionary(grouping: figures.counts, by: \.siteId)
        sites = countsBySite.map { id, counts in
            let place = site(id)
            return SiteTotal(
                id: id, name: place.name, commune: place.commune, department: place.departmentCode,
                counts: counts.reduce(.zero) { $0 + $1.counts })
        }
        .sorted {
            ($0.department, sitePosition[$0.id] ?? .max, $0.id.rawValue)
                < ($1.department, sitePosition[$1.id] ?? .max, $1.id.rawValue)
        }
        sitesWithoutActivity = figures.sites.filter { countsBySite[$0.id] == nil }.count

        let waitsByUrgency = Dictionary(grouping: figures.waits, by: \.urgency)
        waits = Urgency.allCases.map {
            UrgencyWaits(urgency: $0, delayDays: figures.urgencyDelays[$0], counts: waitsByUrgency[$0] ?? [])
        }

        let unitName = Dictionary(figures.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let unitPosition = Dictionary(
            figures.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        unitMonths = figures.unitMonths.map {
            UnitMonth(
                month: $0.month, unitId: $0.unitId, unitName: unitName[$0.unitId] ?? $0.unitId.rawValue,
                activity: $0.activity.rounded)
        }
        .sorted {
            ($0.month, unitPosition[$0.unitId] ?? .max, $0.unitId.rawValue)
                < ($1.month, unitPosition[$1.unitId] ?? .max, $1.unitId.rawValue)
        }
        let activityByUnit = Dictionary(grouping: figures.unitMonths, by: \.unitId)
        let unitIds = figures.units.map(\.id) + activityByUnit.keys.filter { unitName[$0] == nil }.sorted()
        units = unitIds.map { id in
            UnitTotal(
                unitId: id, unitName: unitName[id] ?? id.rawValue,
                activity: (activityByUnit[id] ?? []).reduce(.zero) { $0 + $1.activity }.rounded)
        }
        waitingList = nil
    }
}

extension UnitActivity {
    /// Kilometres to the tenth, as reports show them; sums of unrounded legs otherwise carry
    /// floating-point noise into the JSON.
    var rounded: UnitActivity {
        UnitActivity(days: days, stops: stops, kilometres: (kilometres * 10).rounded() / 10)
    }
}
