import Foundation

/// Checks a decoded scenario and reports every problem at once, each with its JSON path and a
/// message a planner can act on. Decoding already guarantees the shape; this checks meaning:
/// references, windows, durations, codes, what nobody provides, dates outside the horizon.
///
/// ```swift
/// let issues = ScenarioValidator().validate(scenario)
/// for issue in issues { print(issue) }   // requests[12].siteId: unknown site "E-58-0042"
/// ```
public struct ScenarioValidator: Sendable {
    public init() {}

    public func validate(_ scenario: Scenario) -> [ValidationIssue] {
        var report = ValidationReport(scenario: scenario)
        report.checkDocument()
        report.checkSites()
        report.checkSpecialists()
        report.checkUnits()
        report.checkRequests()
        report.checkBookings()
        report.checkZones()
        report.checkCampaigns()
        return report.issues
    }

    /// Checks zones on their own, with the rules and messages of ``validate(_:)`` (paths start at
    /// `zones`): what a zones import checks before it stores anything.
    public func validate(zones: [Zone]) -> [ValidationIssue] {
        let day = LocalDate(year: 2000, month: 1, day: 1)!
        var report = ValidationReport(
            scenario: Scenario(
                name: "zones", horizon: Horizon(start: day, end: day), sites: [], specialists: [], units: [],
                requests: [], zones: zones))
        report.checkZones()
        return report.issues
    }

    /// Checks one new request against a valid scenario's resources (a staff member's request
    /// before proposals), with the same rules and messages as ``validate(_:)``; paths start at
    /// `path` (the request's own fields when empty). `index` is the scenario's.
    public func validate(
        _ request: ConsultationRequest, joining scenario: Scenario, index: ScenarioIndex, at path: JSONPath = JSONPath()
    ) -> [ValidationIssue] {
        var report = ValidationReport(scenario: scenario, ids: index)
        let id = request.id.rawValue
        if id.trimmingCharacters(in: .whitespaces).isEmpty {
            report.report(path.key("id"), "id must not be empty")
        } else if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            report.report(path.key("id"), "id must not contain control characters")
        } else if index.requests[request.id] != nil {
            report.report(path.key("id"), "request id \"\(id)\" is already used")
        }
        report.checkRequest(request, at: path, practised: index.practised, provided: index.provided)
        return report.issues
    }
}

/// The running state of one validation: the scenario, id indexes and the issues found so far.
struct ValidationReport {
    let scenario: Scenario
    let clock = WallClock.paris
    private(set) var issues: [ValidationIssue] = []

    /// Ids to positions (first occurrence of a repeated id; repeats are reported separately).
    let ids: ScenarioIndex

    init(scenario: Scenario, ids: ScenarioIndex? = nil) {
        self.scenario = scenario
        self.ids = ids ?? ScenarioIndex(scenario)
    }

    mutating func report(_ path: JSONPath, _ message: String) {
        issues.append(ValidationIssue(path, message))
    }

    mutating func checkDocument() {
        if scenario.formatVersion != Scenario.currentFormatVersion {
            report(
                "formatVersion",
                "this build reads format version \(Scenario.currentFormatVersion), the file says \(scenario.formatVersion)"
            )
        }
        if scenario.timeZone != "Europe/Paris" {
            report("timeZone", "only \"Europe/Paris\" is supported, found \"\(scenario.timeZone)\"")
        }
        let horizon = scenario.horizon
        if horizon.end < horizon.start {
            report(
                JSONPath("horizon").key("end"), "horizon ends on \(horizon.end), before it starts on \(horizon.start)")
        } else if horizon.start.days(to: horizon.end) > 366 {
            report(JSONPath("horizon").key("end"), "horizon is longer than a year; split the scenario")
        }
        for urgency in Urgency.allCases where scenario.urgencyDelays[urgency] <= 0 {
            report(JSONPath("urgencyDelays").key(urgency.rawValue), "delay must be at least 1 day")
        }
        if scenario.asyncReviewDays < 0 {
            report("asyncReviewDays", "review delay cannot be negative")
        }
        checkWeights(scenario.weights, at: "weights")
        if let ticks = scenario.ticksPerMinute, !(1...1000).contains(ticks) || 60_000 % ticks != 0 {
            report(
                "ticksPerMinute",
                "\(ticks) ticks per minute: use 1…1000 ticks that divide a minute into whole milliseconds (1, 10, 1000…)"
            )
        }
        checkDuplicateIds(scenario.sites.map(\.id.rawValue), collection: "sites")
        checkDuplicateIds(scenario.specialists.map(\.id.rawValue), collection: "specialists")
        checkDuplicateIds(scenario.units.map(\.id.rawValue), collection: "units")
        checkDuplicateIds(scenario.requests.map(\.id.rawValue), collection: "requests")
        checkDuplicateIds(scenario.bookings.map(\.id.rawValue), collection: "bookings")
    }

    private mutating func checkWeights(_ weights: ObjectiveWeights, at path: JSONPath) {
        for urgency in Urgency.allCases {
            if weights.served[urgency] < 0 {
                report(path.key("served").key(urgency.rawValue), "weight cannot be negative")
            }
            if weights.latenessPerDay[urgency] < 0 {
                report(path.key("latenessPerDay").key(urgency.rawValue), "weight cannot be negative")
            }
        }
        let terms: [(String, Double)] = [
            ("travelMinute", weights.travelMinute), ("continuityBroken", weights.continuityBroken),
            ("specialistOvertimeMinute", weights.specialistOvertimeMinute),
            ("territorialFairness", weights.territorialFairness), ("proposalMoved", weights.proposalMoved),
        ]
        for (name, value) in terms where value < 0 || !value.isFinite {
            report(path.key(name), "weight must be a finite number ≥ 0")
        }
        for (kind, value) in weights.zoneFairness.sorted(by: { $0.key < $1.key }) {
            if !ZoneKind(rawValue: kind).isWellFormed {
                report(path.key("zoneFairness").key(kind), "\"\(kind.prefix(40))\" is not a zone kind")
            } else if value < 0 || !value.isFinite {
                report(path.key("zoneFairness").key(kind), "weight must be a finite number ≥ 0")
            }
        }
    }

    mutating func checkDuplicateIds(_ ids: [String], collection: String) {
        var firstSeen: [String: Int] = [:]
        for (position, id) in ids.enumerated() {
            let path = JSONPath(collection)[position].key("id")
            if id.trimmingCharacters(in: .whitespaces).isEmpty {
                report(path, "id must not be empty")
            } else if let first = firstSeen[id] {
                report(path, "duplicate id \"\(id)\" (first used at \(collection)[\(first)])")
            } else {
                firstSeen[id] = position
                if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    report(path, "id must not contain control characters")
                }
            }
        }
    }
}
