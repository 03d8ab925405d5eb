import Foundation
import TelemedCore
import TelemedHTML
import TelemedSolver

/// One plan as the comparison page shows it: its KPIs, its departments' figures, each site's
/// median wait and the units' routes, computed from the scenario and the plan.
public struct ComparedPlan: Sendable {
    public struct SiteWait: Sendable {
        public var name: String
        public var commune: String
        public var location: GeoPoint
        public var requests: Int
        public var served: Int
        public var medianWaitDays: Double?
    }

    public struct Depot: Sendable {
        public var name: String
        public var location: GeoPoint
    }

    public var name: String
    public var kpis: PlanKPIs
    public var departments: [TerritoryFigures]
    public var sites: [SiteWait]
    public var depots: [Depot]
    public var routes: [SVGMap.Route]

    /// Waits at or beyond this many days colour a site fully red (a routine request's delay).
    static let reddestWaitDays = 28.0

    public init(name: String, scenario: Scenario, plan: Plan, catalog: CommuneCatalog, travel: (any TravelModel)? = nil)
    {
        self.name = name
        kpis = PlanKPIs(scenario: scenario, plan: plan)
        departments = TerritorialReport(scenario: scenario, plan: plan, catalog: catalog, travel: travel).departments
        let clock = WallClock.paris
        let bookings = plan.bookings.servingByRequest
        let requestsBySite = Dictionary(grouping: scenario.requests, by: \.siteId)
        sites = scenario.sites.map { site in
            let requests = requestsBySite[site.id] ?? []
            let waits = requests.compactMap { request in
                bookings[request.id].map { request.releaseDate.days(to: clock.localDate(of: $0.start)) }
            }.sorted()
            return SiteWait(
                name: site.name, commune: site.commune, location: site.location, requests: requests.count,
                served: waits.count, medianWaitDays: UrgencyKPIs.percentile(0.5, ofSorted: waits))
        }
        depots = scenario.units.map { Depot(name: "\($0.name) · \($0.depot.name)", location: $0.depot.location) }
        let unitPositions = Dictionary(
            scenario.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let siteLocations = Dictionary(
            scenario.sites.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        let days = Dictionary(grouping: plan.visits) { "\($0.unitId.rawValue) \($0.date)" }
        routes = days.keys.sorted().compactMap { key in
            let visits = days[key]!.sorted { $0.order < $1.order }
            guard let position = unitPositions[visits[0].unitId] else { return nil }
            let depot = scenario.units[position].depot.location
            return SVGMap.Route(
                label: "\(scenario.units[position].name), \(visits[0].date)",
                points: [depot] + visits.compactMap { siteLocations[$0.siteId] } + [depot], group: position)
        }
    }

    /// The map: sites from green (served at once) to red (a month or more), routes by unit.
    func map() -> SVGMap {
        SVGMap(
            title: "Carte · \(name)",
            sites: sites.map { site in
                SVGMap.Point(
                    location: site.location,
                    value: site.medianWaitDays.map { 1 - min(1, $0 / Self.reddestWaitDays) },
                    label: "\(site.name) (\(site.commune)) : \(site.served)/\(site.requests) servies, délai médian "
                        + "\(FrenchVocabulary.number(site.medianWaitDays, places: 1)) j")
            },
            depots: depots.map { SVGMap.Point(location: $0.location, value: nil, label: $0.name) }, routes: routes)
    }

    var chartSeries: PlanComparisonCharts.Series {
        PlanComparisonCharts.Series(name: name, kpis: kpis, departments: departments)
    }
}
