/// Ids to array positions, so the search refers to sites, specialists, units and requests by
/// `Int` and keeps its state in flat arrays indexed like the scenario's own arrays.
///
/// When an id repeats (the validator reports it), the first occurrence wins.
///
/// ```swift
/// let index = ScenarioIndex(scenario)
/// let site = index.sites[request.siteId]!   // position in scenario.sites
/// ```
public struct ScenarioIndex: Hashable, Sendable {
    public let sites: [Site.ID: Int]
    public let specialists: [Specialist.ID: Int]
    public let units: [MobileUnit.ID: Int]
    public let requests: [ConsultationRequest.ID: Int]
    /// The specialties some specialist practises and the equipment some site or unit has: what a
    /// new request may ask for (kept here so that checking one request does not scan every site).
    public let practised: Set<Specialty>
    public let provided: Set<Equipment>

    public init(_ scenario: Scenario) {
        sites = Self.positions(of: scenario.sites.map(\.id))
        specialists = Self.positions(of: scenario.specialists.map(\.id))
        units = Self.positions(of: scenario.units.map(\.id))
        requests = Self.positions(of: scenario.requests.map(\.id))
        practised = Set(scenario.specialists.flatMap(\.specialties))
        provided = Set(scenario.sites.flatMap(\.equipment) + scenario.units.flatMap(\.equipment))
    }

    private static func positions<ID: Hashable>(of ids: [ID]) -> [ID: Int] {
        Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}
