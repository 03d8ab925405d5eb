import TelemedCore

/// Access to care in one territory under one plan: what a health agency or a local council reads
/// in the territorial report. The territory is the region, a department, an intercommunality
/// (EPCI), a zone of the scenario or a commune.
///
/// Consultations and requests count where the consultation point is (the site's commune); the
/// population figures count inhabitants of the territory's communes by where they live.
public struct TerritoryFigures: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Hashable, Sendable, CaseIterable {
        case region, department, epci, zone, commune
    }

    public var level: Level
    /// INSEE region, department or commune code, an EPCI's SIREN, or a zone's name.
    public var code: String
    public var name: String
    /// A zone's kind (`ZIP`, `QPV`…); nil for other levels.
    public var zoneKind: ZoneKind?
    /// Inhabitants (INSEE legal population) of the territory's communes the shipped data knows; nil
    /// when it knows none of them.
    public var population: Int?
    /// Inhabitants whose commune lies within 30 minutes' drive of a consultation point used in the
    /// period (a site hosting a consultation or a unit stop); nil without population.
    public var populationWithin30Minutes: Int?
    /// The same within 45 minutes.
    public var populationWithin45Minutes: Int?
    public var sites: Int
    public var requests: Int
    public var served: Int
    public var servedPercent: Double?
    /// Requests served on or before their urgency's due date, over all requests; nil without requests.
    public var servedWithinDelayPercent: Double?
    /// Consultations (served requests) at the territory's sites per 1,000 inhabitants.
    public var consultationsPerThousand: Double?
    /// Waits of every served request, whatever its urgency (days from release to consultation).
    public var waitMedianDays: Double?
    public var waitP90Days: Double?
    /// Waits by urgency, `urgent` first.
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

    /// Share of the population within 30 minutes, in percent.
    public var within30MinutesPercent: Double? { Self.percent(populationWithin30Minutes, of: population) }
    public var within45MinutesPercent: Double? { Self.percent(populationWithin45Minutes, of: population) }
    /// Share of the population farther than 30 minutes from any used point: what the maps colour.
    public var beyond30MinutesPercent: Double? { within30MinutesPercent.map { 100 - $0 } }

    private static func percent(_ part: Int?, of whole: Int?) -> Double? {
        guard let part, let whole, whole > 0 else { return nil }
        return 100 * Double(part) / Double(whole)
    }
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
