/// What a scenario holds, counted the way planners read it: sites and resources, demand by
/// specialty, urgency and mode, per department, and specialist supply against demand.
///
/// ```swift
/// let stats = ScenarioStatistics(scenario)
/// stats.requestsByUrgency[.urgent]
/// ```
public struct ScenarioStatistics: Codable, Hashable, Sendable {
    public struct DepartmentFigures: Codable, Hashable, Sendable {
        public var code: String
        public var ehpads = 0
        public var townPoints = 0
        public var beds = 0
        public var requests = 0
        public var urgentRequests = 0
        public var unitDepots = 0
    }

    public struct SpecialtyFigures: Codable, Hashable, Sendable {
        public var specialty: Specialty
        public var requests = 0
        public var live = 0
        public var async = 0
        public var byUrgency = UrgencyTable(urgent: 0, soon: 0, routine: 0)
        /// Minutes of consultation asked for.
        public var demandMinutes = 0
        public var specialists = 0
        /// Minutes the specialists practising it are available over the horizon (shared when
        /// they practise several specialties).
        public var availableMinutes = 0
    }

    public var horizonDays: Int
    public var workingDays: Int
    public var publicHolidays: [PublicHoliday]
    public var ehpads: Int
    public var townPoints: Int
    public var beds: Int
    public var specialists: Int
    public var units: Int
    public var requests: Int
    public var bookings: Int
    public var requestsByUrgency: UrgencyTable<Int>
    public var liveRequests: Int
    public var asyncRequests: Int
    public var requestsWithPreferredSpecialist: Int
    public var bySpecialty: [SpecialtyFigures]
    public var byDepartment: [DepartmentFigures]

    public init(_ scenario: Scenario) {
        let days = scenario.horizon.days
        publicHolidays =
            scenario.holidays.observeFrenchPublicHolidays
            ? FrenchPublicHolidays.holidays(
                from: scenario.horizon.start, through: scenario.horizon.end,
                alsaceMoselle: scenario.holidays.alsaceMoselle)
            : []
        let holidayDates = Set(publicHolidays.map(\.date))
        horizonDays = days.count
        workingDays = days.filter { Weekday.workingDays.contains($0.weekday) && !holidayDates.contains($0) }.count
        ehpads = scenario.sites.filter { $0.kind == .ehpad }.count
        townPoints = scenario.sites.count - ehpads
        beds = scenario.sites.compactMap(\.beds).reduce(0, +)
        specialists = scenario.specialists.count
        units = scenario.units.count
        requests = scenario.requests.count
        bookings = scenario.bookings.count
        var urgency = UrgencyTable(urgent: 0, soon: 0, routine: 0)
        for request in scenario.requests { urgency[request.urgency] += 1 }
        requestsByUrgency = urgency
        liveRequests = scenario.requests.filter { $0.mode == .live }.count
        asyncRequests = requests - liveRequests
        requestsWithPreferredSpecialist = scenario.requests.filter { $0.preferredSpecialistId != nil }.count
        bySpecialty = Self.specialtyFigures(scenario, closed: holidayDates)
        byDepartment = Self.departmentFigures(scenario)
    }

    private static func specialtyFigures(_ scenario: Scenario, closed: Set<LocalDate>) -> [SpecialtyFigures] {
        var figures: [Specialty: SpecialtyFigures] = [:]
        for request in scenario.requests {
            var entry = figures[request.specialty] ?? SpecialtyFigures(specialty: request.specialty)
            entry.requests += 1
            if request.mode == .live { entry.live += 1 } else { entry.async += 1 }
            entry.byUrgency[request.urgency] += 1
            entry.demandMinutes += max(0, request.durationMinutes)
            figures[request.specialty] = entry
        }
        let clock = WallClock.paris
        for specialist in scenario.specialists {
            let minutes = clock.intervals(
                for: specialist.weeklyAvailability, from: scenario.horizon.start, through: scenario.horizon.end,
                excluding: closed
            ).reduce(0) { $0 + $1.minutes }
            let share = minutes / max(1, specialist.specialties.count)
            for specialty in specialist.specialties {
                var entry = figures[specialty] ?? SpecialtyFigures(specialty: specialty)
                entry.specialists += 1
                entry.availableMinutes += share
                figures[specialty] = entry
            }
        }
        return figures.values.sorted { ($0.requests, $1.specialty) > ($1.requests, $0.specialty) }
    }

    private static func departmentFigures(_ scenario: Scenario) -> [DepartmentFigures] {
        var figures: [String: DepartmentFigures] = [:]
        var departmentOfSite: [Site.ID: String] = [:]
        for site in scenario.sites {
            let code = site.departmentCode
            departmentOfSite[site.id] = code
            var entry = figures[code] ?? DepartmentFigures(code: code)
            if site.kind == .ehpad { entry.ehpads += 1 } else { entry.townPoints += 1 }
            entry.beds += site.beds ?? 0
            figures[code] = entry
        }
        for request in scenario.requests {
            guard let code = departmentOfSite[request.siteId] else { continue }
            figures[code]?.requests += 1
            if request.urgency == .urgent { figures[code]?.urgentRequests += 1 }
        }
        for unit in scenario.units {
            let code = FrenchCodes.departmentCode(ofCommune: unit.depot.inseeCode)
            var entry = figures[code] ?? DepartmentFigures(code: code)
            entry.unitDepots += 1
            figures[code] = entry
        }
        return figures.values.sorted { $0.code < $1.code }
    }
}
