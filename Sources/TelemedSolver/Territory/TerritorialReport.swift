import Foundation
import TelemedCore

/// The territorial figures of one plan at every level a health agency reads: the whole region, its
/// departments, its intercommunalities (EPCI), the scenario's zones and every commune, with the
/// waits per specialty. Computed from the scenario, the plan and the communes of the regions its
/// sites lie in alone.
///
/// ```swift
/// let report = TerritorialReport(scenario: scenario, plan: plan, catalog: try .shipped(for: scenario))
/// report.departments.first { $0.code == "58" }?.within30MinutesPercent
/// ```
///
/// A site whose commune the catalog does not know (a hand-written scenario) still counts in the
/// region, its department and a commune row of its own, without population.
public struct TerritorialReport: Codable, Hashable, Sendable {
    /// Every site of the scenario; population of the whole catalog.
    public var region: TerritoryFigures
    /// The catalog's departments and those of the sites, by code.
    public var departments: [TerritoryFigures]
    /// Every intercommunality of the catalog, by SIREN.
    public var intercommunalities: [TerritoryFigures]
    /// The scenario's zones, in its order.
    public var zones: [TerritoryFigures]
    /// Every commune of the catalog and every commune hosting a site, by INSEE code.
    public var communes: [TerritoryFigures]
    public var specialtyWaits: [SpecialtyWait]
    /// The consultation points the plan used (a consultation held or a unit's stop), in the
    /// scenario's order: those the population figures measure from, and the maps draw.
    public var usedSites: [Site.ID]

    /// `travel` gives the kilometres of unit legs (the scenario's own model by default); the
    /// drive times of the population figures are always estimated (see ``Catchment``).
    public init(scenario: Scenario, plan: Plan, catalog: CommuneCatalog, travel: (any TravelModel)? = nil) {
        let travel = travel ?? ((try? scenario.travel.makeModel(relativeTo: nil)) ?? GreatCircleTravelModel())
        let bookings = plan.bookings.servingByRequest
        let activity = Self.activityBySite(scenario: scenario, plan: plan, bookings: bookings, travel: travel)

        // A point is used when it hosts a consultation or a unit stops there.
        let used = scenario.sites.filter { site in
            (activity[site.id]?.servedCount ?? 0) > 0 || (activity[site.id]?.unitVisits ?? 0) > 0
        }
        usedSites = used.map(\.id)
        let catchment = Catchment(points: used.map(\.location), travel: scenario.travel)
        var people: [String: PopulationTally] = [:]
        for commune in catalog.communes {
            people[commune.inseeCode, default: .init()].add(
                population: commune.population, minutes: catchment.minutes(from: commune.location))
        }

        let sitesByCommune = Dictionary(grouping: scenario.sites, by: \.inseeCode)
        func tally(communes codes: some Sequence<String>) -> (ActivityTally, PopulationTally) {
            var work = ActivityTally()
            var inhabitants = PopulationTally()
            for code in codes {
                for site in sitesByCommune[code] ?? [] {
                    work += activity[site.id] ?? ActivityTally()
                }
                if let tally = people[code] { inhabitants += tally }
            }
            return (work, inhabitants)
        }

        let catalogCommunes = Dictionary(
            catalog.communes.map { ($0.inseeCode, $0) }, uniquingKeysWith: { first, _ in first })
        let communeCodes = Set(catalog.communes.map(\.inseeCode)).union(sitesByCommune.keys).sorted()
        let (allActivity, allPeople) = tally(communes: communeCodes)
        region = TerritoryFigures(
            level: .region, code: catalog.regionCode, name: catalog.regionName, activity: allActivity,
            people: allPeople)

        let departmentNames = Dictionary(
            catalog.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let departmentOf = Dictionary(
            scenario.sites.map { ($0.inseeCode, $0.departmentCode) }, uniquingKeysWith: { first, _ in first }
        ).merging(
            catalog.communes.map { ($0.inseeCode, $0.departmentCode) }, uniquingKeysWith: { _, catalog in catalog })
        departments = Dictionary(grouping: communeCodes) { departmentOf[$0] ?? "" }
            .filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }
            .map { code, communes in
                let (work, inhabitants) = tally(communes: communes)
                return TerritoryFigures(
                    level: .department, code: code, name: departmentNames[code] ?? code, activity: work,
                    people: inhabitants)
            }

        let epcis = Dictionary(grouping: catalog.communes.filter { $0.intercommunality != nil }) {
            $0.intercommunality!.siren
        }
        intercommunalities = epcis.sorted { $0.key < $1.key }.map { siren, communes in
            let (work, inhabitants) = tally(communes: communes.map(\.inseeCode))
            return TerritoryFigures(
                level: .epci, code: siren, name: communes[0].intercommunality!.name, activity: work, people: inhabitants
            )
        }

        zones = scenario.zones.map { zone in
            let (work, inhabitants) = tally(communes: Set(zone.communes))
            return TerritoryFigures(
                level: .zone, code: zone.name, name: zone.name, zoneKind: zone.kind, activity: work,
                people: inhabitants)
        }

        communes = communeCodes.map { code in
            let (work, inhabitants) = tally(communes: [code])
            return TerritoryFigures(
                level: .commune, code: code,
                name: catalogCommunes[code]?.name ?? sitesByCommune[code]?.first?.commune ?? code, activity: work,
                people: inhabitants)
        }
        specialtyWaits = Self.specialtyWaits(scenario: scenario, bookings: bookings)
    }

    /// Every territory of every level, in the order of `territories.csv`.
    public var all: [TerritoryFigures] { [region] + departments + intercommunalities + zones + communes }

    /// Each site's requests, their bookings, and the unit stops and kilometres that reach it.
    private static func activityBySite(
        scenario: Scenario, plan: Plan, bookings: [ConsultationRequest.ID: Booking], travel: any TravelModel
    ) -> [Site.ID: ActivityTally] {
        var activity: [Site.ID: ActivityTally] = [:]
        for site in scenario.sites { activity[site.id, default: .init()].sites += 1 }
        for request in scenario.requests {
            activity[request.siteId, default: .init()].add(
                request, booking: bookings[request.id], delays: scenario.urgencyDelays)
        }
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for dayVisits in Dictionary(grouping: plan.visits, by: { "\($0.unitId.rawValue) \($0.date)" }).values {
            let ordered = dayVisits.sorted { $0.order < $1.order }
            guard let unit = units[ordered[0].unitId] else { continue }
            let depot = TravelPoint(id: "depot:\(unit.id.rawValue)", location: unit.depot.location)
            var previous = depot
            for visit in ordered {
                guard let site = sites[visit.siteId] else { continue }
                let point = TravelPoint(id: site.id.rawValue, location: site.location)
                activity[site.id, default: .init()].unitVisits += 1
                activity[site.id, default: .init()].unitKilometres +=
                    (try? travel.leg(from: previous, to: point).kilometres) ?? 0
                previous = point
            }
            if let last = ordered.last.flatMap({ sites[$0.siteId] }) {
                activity[last.id, default: .init()].unitKilometres +=
                    (try? travel.leg(from: previous, to: depot).kilometres) ?? 0
            }
        }
        return activity
    }

    private static func specialtyWaits(
        scenario: Scenario, bookings: [ConsultationRequest.ID: Booking]
    ) -> [SpecialtyWait] {
        let clock = WallClock.paris
        var result: [SpecialtyWait] = []
        let bySpecialty = Dictionary(grouping: scenario.requests) { "\($0.specialty.rawValue)|\($0.urgency.rawValue)" }
        for key in bySpecialty.keys.sorted() {
            let requests = bySpecialty[key]!
            let waits = requests.compactMap { request in
                bookings[request.id].map { request.releaseDate.days(to: clock.localDate(of: $0.start)) }
            }.sorted()
            result.append(
                SpecialtyWait(
                    specialty: requests[0].specialty, urgency: requests[0].urgency, requests: requests.count,
                    served: waits.count, waitMedianDays: UrgencyKPIs.percentile(0.5, ofSorted: waits),
                    waitMeanDays: waits.isEmpty ? nil : Double(waits.reduce(0, +)) / Double(waits.count),
                    waitP90Days: UrgencyKPIs.percentile(0.9, ofSorted: waits)))
        }
        return result
    }
}
