import Foundation
import TelemedCore

/// The territorial figures of one plan: for the whole region, per department and per commune
/// hosting a site, and the waits per specialty. Computed from the scenario, the plan and the communes of the
/// regions its sites lie in alone.
///
/// ```swift
/// let report = TerritorialReport(scenario: scenario, plan: plan, catalog: try .shipped(for: scenario))
/// report.departments.first { $0.code == "58" }?.servedPercent
/// ```
public struct TerritorialReport: Codable, Hashable, Sendable {
    /// Every site of the scenario; population of the whole region.
    public var region: TerritoryFigures
    public var departments: [TerritoryFigures]
    public var communes: [TerritoryFigures]
    public var specialtyWaits: [SpecialtyWait]

    /// `travel` gives the kilometres of unit legs (the scenario's own model by default).
    public init(scenario: Scenario, plan: Plan, catalog: CommuneCatalog, travel: (any TravelModel)? = nil) {
        let clock = WallClock.paris
        let travel = travel ?? ((try? scenario.travel.makeModel(relativeTo: nil)) ?? GreatCircleTravelModel())
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let bookings = PlanKPIs.servingBookings(in: plan)
        let catalogCommunes = Dictionary(
            catalog.communes.map { ($0.inseeCode, $0) }, uniquingKeysWith: { first, _ in first })

        var visits: [Site.ID: Int] = [:]
        var kilometres: [Site.ID: Double] = [:]
        for dayVisits in Dictionary(grouping: plan.visits, by: { "\($0.unitId.rawValue) \($0.date)" }).values {
            let ordered = dayVisits.sorted { $0.order < $1.order }
            guard let unit = units[ordered[0].unitId] else { continue }
            let depot = TravelPoint(id: "depot:\(unit.id.rawValue)", location: unit.depot.location)
            var previous = depot
            for visit in ordered {
                guard let site = sites[visit.siteId] else { continue }
                let point = TravelPoint(id: site.id.rawValue, location: site.location)
                visits[site.id, default: 0] += 1
                kilometres[site.id, default: 0] += (try? travel.leg(from: previous, to: point).kilometres) ?? 0
                previous = point
            }
            if let last = ordered.last.flatMap({ sites[$0.siteId] }) {
                kilometres[last.id, default: 0] += (try? travel.leg(from: previous, to: depot).kilometres) ?? 0
            }
        }

        // Grouped once: every territory reads its sites' requests from here.
        let requestsBySite = Dictionary(grouping: scenario.requests, by: \.siteId)

        func figures(
            _ level: TerritoryFigures.Level, code: String, name: String, population: Int?, sites territorySites: [Site]
        ) -> TerritoryFigures {
            let requests = territorySites.flatMap { requestsBySite[$0.id] ?? [] }
            var waits: [Urgency: [Int]] = [:]
            var late: [Urgency: Int] = [:]
            var served: [Urgency: Int] = [:]
            var minutes = 0.0
            for request in requests {
                guard let booking = bookings[request.id] else { continue }
                let date = clock.localDate(of: booking.start)
                served[request.urgency, default: 0] += 1
                waits[request.urgency, default: []].append(request.releaseDate.days(to: date))
                if date > request.dueDate(delays: scenario.urgencyDelays) { late[request.urgency, default: 0] += 1 }
                if booking.specialistId != nil {
                    minutes +=
                        (request.mode == .async ? booking.review ?? booking.interval : booking.interval).duration / 60
                }
            }
            let byUrgency = Urgency.allCases.map { urgency in
                UrgencyKPIs(
                    urgency: urgency, requests: requests.filter { $0.urgency == urgency }.count,
                    served: served[urgency] ?? 0, waits: waits[urgency] ?? [], late: late[urgency] ?? 0)
            }
            let urgent = requests.filter { $0.urgency == .urgent }.count
            let urgentFast = (waits[.urgent] ?? []).filter { $0 <= 2 }.count
            let total = byUrgency.reduce(0) { $0 + $1.served }
            return TerritoryFigures(
                level: level, code: code, name: name, population: population, sites: territorySites.count,
                requests: requests.count, served: total,
                servedPercent: requests.isEmpty ? nil : 100 * Double(total) / Double(requests.count),
                byUrgency: byUrgency,
                urgentWithinTwoDaysPercent: urgent == 0 ? nil : 100 * Double(urgentFast) / Double(urgent),
                unitVisits: territorySites.reduce(0) { $0 + (visits[$1.id] ?? 0) },
                unitKilometres: (territorySites.reduce(0) { $0 + (kilometres[$1.id] ?? 0) } * 10).rounded() / 10,
                specialistHours: (minutes / 60 * 10).rounded() / 10)
        }

        let departmentNames = Dictionary(
            catalog.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var departmentPopulation: [String: Int] = [:]
        for commune in catalog.communes {
            departmentPopulation[commune.departmentCode, default: 0] += commune.population
        }
        region = figures(
            .region, code: catalog.regionCode, name: catalog.regionName,
            population: catalog.communes.reduce(0) { $0 + $1.population }, sites: scenario.sites)
        departments = Dictionary(grouping: scenario.sites, by: \.departmentCode).sorted { $0.key < $1.key }.map {
            code, sites in
            figures(
                .department, code: code, name: departmentNames[code] ?? code, population: departmentPopulation[code],
                sites: sites)
        }
        communes = Dictionary(grouping: scenario.sites, by: \.inseeCode).sorted { $0.key < $1.key }.map { code, sites in
            figures(
                .commune, code: code, name: catalogCommunes[code]?.name ?? sites[0].commune,
                population: catalogCommunes[code]?.population, sites: sites)
        }
        var specialtyWaits: [SpecialtyWait] = []
        let bySpecialty = Dictionary(grouping: scenario.requests) { "\($0.specialty.rawValue)|\($0.urgency.rawValue)" }
        for key in bySpecialty.keys.sorted() {
            let requests = bySpecialty[key]!
            let waits = requests.compactMap { request in
                bookings[request.id].map { request.releaseDate.days(to: clock.localDate(of: $0.start)) }
            }.sorted()
            specialtyWaits.append(
                SpecialtyWait(
                    specialty: requests[0].specialty, urgency: requests[0].urgency, requests: requests.count,
                    served: waits.count, waitMedianDays: UrgencyKPIs.percentile(0.5, ofSorted: waits),
                    waitMeanDays: waits.isEmpty ? nil : Double(waits.reduce(0, +)) / Double(waits.count),
                    waitP90Days: UrgencyKPIs.percentile(0.9, ofSorted: waits)))
        }
        self.specialtyWaits = specialtyWaits
    }
}
