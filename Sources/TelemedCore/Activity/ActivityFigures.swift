/// What a database holds about one period's activity, already aggregated by the store
/// (TelemedStore's `activityFigures(in:)`), for the activity report (TelemedReports'
/// `ActivityReport`) to total, rank and write. Which date each figure counts by is said on each
/// field; `docs/architecture.md` has the same list.
public struct ActivityFigures: Hashable, Sendable {
    public var period: ActivityPeriod
    public var scenarioName: String
    /// The stored scenario's delay of each urgency, in days (the due date is release + delay).
    public var urgencyDelays: UrgencyTable<Int>
    /// Every site of the database, in the scenario's order.
    public var sites: [ActivitySite]
    /// Every unit of the database, in the scenario's order.
    public var units: [ActivityUnit]
    /// One entry per month, site and specialty that has any figure other than zero: requests by
    /// their release date, bookings by their start's local date.
    public var counts: [ActivityCount]
    /// Sessions done whose start's local date is in the period, by urgency and wait in days.
    public var waits: [WaitCount]
    /// One entry per month and unit with a stored route, by the route's date.
    public var unitMonths: [UnitMonthCount]
    /// The waiting list's length at the end of each day of the period through the day of reading
    /// (a day not yet over counts at the time of reading); the days after are still to come.
    public var waitingList: [WaitingListLength]
    /// The campaigns running during the period, with their progress at the day of reading (from
    /// all their patients' bookings, since a campaign's figures mean little cut at a month's end).
    public var campaigns: [CampaignProgress]

    public init(
        period: ActivityPeriod, scenarioName: String, urgencyDelays: UrgencyTable<Int>, sites: [ActivitySite],
        units: [ActivityUnit], counts: [ActivityCount], waits: [WaitCount], unitMonths: [UnitMonthCount],
        waitingList: [WaitingListLength] = [], campaigns: [CampaignProgress] = []
    ) {
        self.period = period
        self.scenarioName = scenarioName
        self.urgencyDelays = urgencyDelays
        self.sites = sites
        self.units = units
        self.counts = counts
        self.waits = waits
        self.unitMonths = unitMonths
        self.waitingList = waitingList
        self.campaigns = campaigns
    }
}

/// How many requests were on the waiting list at the end of one day, every site together.
public struct WaitingListLength: Codable, Hashable, Sendable {
    public var date: LocalDate
    public var waiting: Int

    public init(date: LocalDate, waiting: Int) {
        self.date = date
        self.waiting = waiting
    }
}

/// A site as the report names it.
public struct ActivitySite: Hashable, Sendable {
    public var id: Site.ID
    public var name: String
    public var commune: String
    /// INSEE department code (`58`, `2A`, `971`).
    public var departmentCode: String

    public init(id: Site.ID, name: String, commune: String, departmentCode: String) {
        self.id = id
        self.name = name
        self.commune = commune
        self.departmentCode = departmentCode
    }
}

/// A unit as the report names it.
public struct ActivityUnit: Hashable, Sendable {
    public var id: MobileUnit.ID
    public var name: String

    public init(id: MobileUnit.ID, name: String) {
        self.id = id
        self.name = name
    }
}

/// The counts of one month, site and specialty.
public struct ActivityCount: Hashable, Sendable {
    public var month: CalendarMonth
    public var siteId: Site.ID
    public var specialty: Specialty
    public var counts: ActivityCounts

    public init(month: CalendarMonth, siteId: Site.ID, specialty: Specialty, counts: ActivityCounts) {
        self.month = month
        self.siteId = siteId
        self.specialty = specialty
        self.counts = counts
    }
}

/// How many sessions done waited `days` days from their request's release to their start's local
/// date.
public struct WaitCount: Hashable, Sendable {
    public var urgency: Urgency
    public var days: Int
    public var sessions: Int

    public init(urgency: Urgency, days: Int, sessions: Int) {
        self.urgency = urgency
        self.days = days
        self.sessions = sessions
    }
}

/// One unit's stored routes in one month.
public struct UnitMonthCount: Hashable, Sendable {
    public var month: CalendarMonth
    public var unitId: MobileUnit.ID
    public var activity: UnitActivity

    public init(month: CalendarMonth, unitId: MobileUnit.ID, activity: UnitActivity) {
        self.month = month
        self.unitId = unitId
        self.activity = activity
    }
}
