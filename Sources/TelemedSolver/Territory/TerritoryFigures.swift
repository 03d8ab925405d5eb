import TelemedCore

/// Access to care in one territory (the region, a department, or a commune hosting a site) under one plan:
/// what a health agency or a local council reads in the territorial report.
public struct TerritoryFigures: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Hashable, Sendable {
        case region, department, commune
    }

    public var level: Level
    /// INSEE region, department or commune code.
    public var code: String
    public var name: String
    /// Inhabitants (INSEE legal population) when the region data knows the territory.
    public var population: Int?
    public var sites: Int
    public var requests: Int
    public var served: Int
    public var servedPercent: Double?
    /// Waits (days from release to consultation) by urgency, `urgent` first.
    public var byUrgency: [UrgencyKPIs]
    /// Share of urgent requests served within 2 days of their release; nil without urgent requests.
    public var urgentWithinTwoDaysPercent: Double?
    /// Unit stops at the territory's sites.
    public var unitVisits: Int
    /// Kilometres driven to reach the territory's sites (each leg counts where it arrives; the
    /// drive home counts where the day's last stop was).
    public var unitKilometres: Double
    /// Specialists' time on the territory's requests (consultations, or reviews of captures).
    public var specialistHours: Double
}

/// Median wait of one specialty and urgency over the whole scenario: what the report's summary
/// compares between variants ("routine dermatology falls from 19 to 11 days").
public struct SpecialtyWait: Codable, Hashable, Sendable {
    public var specialty: Specialty
    public var urgency: Urgency
    public var requests: Int
    public var served: Int
    public var waitMedianDays: Double?
    /// Mean wait: moves when a few patients wait longer though the median does not.
    public var waitMeanDays: Double?
    public var waitP90Days: Double?
}
