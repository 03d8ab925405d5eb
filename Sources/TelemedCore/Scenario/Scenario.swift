/// Everything the solver needs, as one versioned JSON document (`docs/scenario-format.md`).
/// Solving a scenario is a pure function: scenario + seed + limits → plan.
///
/// ```swift
/// let scenario = try ScenarioCoder.decode(Data(contentsOf: url))
/// let issues = ScenarioValidator().validate(scenario)
/// ```
public struct Scenario: Codable, Hashable, Sendable {
    /// The version this build reads and writes.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var name: String
    /// Where the data comes from; "synthetic" data says so here.
    public var provenance: String?
    public var horizon: Horizon
    /// IANA zone of every local-time rule in the file. Only `Europe/Paris` is supported.
    public var timeZone: String
    public var holidays: HolidayPolicy
    /// Days from release to due date, per urgency.
    public var urgencyDelays: UrgencyTable<Int>
    /// Days within which a specialist reviews captured `async` data.
    public var asyncReviewDays: Int
    public var weights: ObjectiveWeights
    public var travel: TravelSettings
    public var sites: [Site]
    public var specialists: [Specialist]
    public var units: [MobileUnit]
    public var requests: [ConsultationRequest]
    /// Bookings already made; confirmed and done ones are pinned.
    public var bookings: [Booking]
    /// The solver's time resolution: ticks per minute (absent: 1, whole minutes). Benchmark
    /// scenarios with real-valued travel times (Solomon's) declare 1,000; a tick must be a whole
    /// number of milliseconds, so the value divides 60,000.
    public var ticksPerMinute: Int?
    /// Named sets of communes reports and the objective's fairness treat apart (``Zone``).
    public var zones: [Zone] {
        get { storedZones ?? [] }
        set { storedZones = newValue.isEmpty ? nil : newValue }
    }
    /// Absent from the JSON when there are none, so files without zones read and write as before.
    private var storedZones: [Zone]?
    /// Screening and frailty campaigns; their patients are requests with the campaign's id.
    public var campaigns: [Campaign] {
        get { storedCampaigns ?? [] }
        set { storedCampaigns = newValue.isEmpty ? nil : newValue }
    }
    private var storedCampaigns: [Campaign]?

    private enum CodingKeys: String, CodingKey {
        case formatVersion, name, provenance, horizon, timeZone, holidays, urgencyDelays, asyncReviewDays, weights,
            travel, sites, specialists, units, requests, bookings, ticksPerMinute
        case storedZones = "zones"
        case storedCampaigns = "campaigns"
    }

    public init(
        formatVersion: Int = Scenario.currentFormatVersion, name: String, provenance: String? = nil,
        horizon: Horizon, timeZone: String = "Europe/Paris", holidays: HolidayPolicy = HolidayPolicy(),
        urgencyDelays: UrgencyTable<Int> = Scenario.defaultUrgencyDelays, asyncReviewDays: Int = 3,
        weights: ObjectiveWeights = ObjectiveWeights(), travel: TravelSettings = .default, sites: [Site],
        specialists: [Specialist], units: [MobileUnit], requests: [ConsultationRequest], bookings: [Booking] = [],
        ticksPerMinute: Int? = nil, zones: [Zone] = [], campaigns: [Campaign] = []
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.provenance = provenance
        self.horizon = horizon
        self.timeZone = timeZone
        self.holidays = holidays
        self.urgencyDelays = urgencyDelays
        self.asyncReviewDays = asyncReviewDays
        self.weights = weights
        self.travel = travel
        self.sites = sites
        self.specialists = specialists
        self.units = units
        self.requests = requests
        self.bookings = bookings
        self.ticksPerMinute = ticksPerMinute
        self.zones = zones
        self.campaigns = campaigns
    }

    /// ``ticksPerMinute`` with its default.
    public var timeResolution: Int { ticksPerMinute ?? 1 }

    /// urgent ≤ 2 days, soon ≤ 7 days, routine ≤ 28 days.
    public static let defaultUrgencyDelays = UrgencyTable(urgent: 2, soon: 7, routine: 28)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            formatVersion: try c.decode(Int.self, forKey: .formatVersion),
            name: try c.decode(String.self, forKey: .name),
            provenance: try c.decodeIfPresent(String.self, forKey: .provenance),
            horizon: try c.decode(Horizon.self, forKey: .horizon),
            timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? "Europe/Paris",
            holidays: try c.decodeIfPresent(HolidayPolicy.self, forKey: .holidays) ?? HolidayPolicy(),
            urgencyDelays: try c.decodeIfPresent(UrgencyTable<Int>.self, forKey: .urgencyDelays)
                ?? Scenario.defaultUrgencyDelays,
            asyncReviewDays: try c.decodeIfPresent(Int.self, forKey: .asyncReviewDays) ?? 3,
            weights: try c.decodeIfPresent(ObjectiveWeights.self, forKey: .weights) ?? ObjectiveWeights(),
            travel: try c.decodeIfPresent(TravelSettings.self, forKey: .travel) ?? .default,
            sites: try c.decode([Site].self, forKey: .sites),
            specialists: try c.decode([Specialist].self, forKey: .specialists),
            units: try c.decode([MobileUnit].self, forKey: .units),
            requests: try c.decode([ConsultationRequest].self, forKey: .requests),
            bookings: try c.decodeIfPresent([Booking].self, forKey: .bookings) ?? [],
            ticksPerMinute: try c.decodeIfPresent(Int.self, forKey: .ticksPerMinute),
            zones: try c.decodeIfPresent([Zone].self, forKey: .storedZones) ?? [],
            campaigns: try c.decodeIfPresent([Campaign].self, forKey: .storedCampaigns) ?? []
        )
    }
}

/// The planning period, local dates, both included.
public struct Horizon: Codable, Hashable, Sendable {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    public var days: [LocalDate] { start.through(end) }
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }
}

/// Which public holidays close sites and units.
public struct HolidayPolicy: Codable, Hashable, Sendable {
    /// French national public holidays close sites and units unless a site says otherwise.
    public var observeFrenchPublicHolidays: Bool
    /// Adds Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle).
    public var alsaceMoselle: Bool

    public init(observeFrenchPublicHolidays: Bool = true, alsaceMoselle: Bool = false) {
        self.observeFrenchPublicHolidays = observeFrenchPublicHolidays
        self.alsaceMoselle = alsaceMoselle
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            observeFrenchPublicHolidays: try c.decodeIfPresent(Bool.self, forKey: .observeFrenchPublicHolidays) ?? true,
            alsaceMoselle: try c.decodeIfPresent(Bool.self, forKey: .alsaceMoselle) ?? false
        )
    }
}
