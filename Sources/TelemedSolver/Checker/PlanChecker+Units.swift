import Foundation
import TelemedCore

/// One unit's day as the plan gives it: its visits in route order, its `UnitDay` record, and the
/// legs depot → v1 → … → vn → depot with their real-valued travel minutes.
struct CheckedRoute {
    struct Leg {
        let from: String
        let to: String
        /// The previous visit's departure or `leavesDepot`; nil without a `UnitDay` record.
        let departs: Date?
        /// The next visit's arrival or `returnsDepot`; nil without a `UnitDay` record.
        let arrives: Date?
        let minutes: Double
    }

    let unit: MobileUnit
    let date: LocalDate
    let visits: [Visit]
    let records: [UnitDay]
    var legs: [Leg] = []
    /// Legs the travel model could not answer, or visits at unknown sites.
    var travelProblems: [String] = []

    var record: UnitDay? { records.first }
    var drivingMinutes: Double { legs.reduce(0) { $0 + $1.minutes } }
}

extension PlanCheckContext {
    /// Every (known unit, date) with at least one visit, sorted by unit then date.
    var routes: [CheckedRoute] {
        if let cached = routesCache { return cached }
        let records = Dictionary(grouping: plan.unitDays) { CheckedRouteKey(unitId: $0.unitId, date: $0.date) }
        let visits = Dictionary(grouping: plan.visits) { CheckedRouteKey(unitId: $0.unitId, date: $0.date) }
        let value = visits.keys.sorted().compactMap { key -> CheckedRoute? in
            guard let unit = units[key.unitId] else { return nil }
            var route = CheckedRoute(
                unit: unit, date: key.date,
                visits: visits[key]!.sorted { ($0.order, $0.arrival) < ($1.order, $1.arrival) },
                records: records[key] ?? [])
            computeLegs(&route)
            return route
        }
        routesCache = value
        return value
    }

    private func computeLegs(_ route: inout CheckedRoute) {
        let depot = TravelPoint(id: "depot:\(route.unit.id)", location: route.unit.depot.location)
        var points = [depot]
        for visit in route.visits {
            guard let site = sites[visit.siteId] else {
                route.travelProblems.append("visit \(visit.order) is at unknown site \(visit.siteId)")
                return
            }
            points.append(TravelPoint(id: site.id.rawValue, location: site.location))
        }
        points.append(depot)
        let record = route.record
        let departures = [record?.leavesDepot] + route.visits.map { Optional($0.departure) }
        let arrivals = route.visits.map { Optional($0.arrival) } + [record?.returnsDepot]
        for index in 0..<(points.count - 1) {
            let (from, to) = (points[index], points[index + 1])
            do {
                let leg = try travel.leg(from: from, to: to)
                route.legs.append(
                    CheckedRoute.Leg(
                        from: from.id, to: to.id, departs: departures[index], arrives: arrivals[index],
                        minutes: leg.minutes))
            } catch {
                route.travelProblems.append("no travel time from \(from.id) to \(to.id): \(error.message)")
            }
        }
    }
}

struct CheckedRouteKey: Hashable, Comparable {
    let unitId: MobileUnit.ID
    let date: LocalDate

    static func < (lhs: CheckedRouteKey, rhs: CheckedRouteKey) -> Bool {
        (lhs.unitId, lhs.date) < (rhs.unitId, rhs.date)
    }
}

extension PlanChecker {
    /// Host `unitVisit(u)`: a visit of `u` at the booking's site with `arrival + setupMinutes ≤ start`
    /// and `end ≤ departure`. `crew` work is always hosted by a unit: its crew does it.
    func unitPresent(_ context: PlanCheckContext) -> [PlanViolation] {
        let visits = Dictionary(grouping: context.plan.visits) { UnitSite(unitId: $0.unitId, siteId: $0.siteId) }
        return context.placed.compactMap { placed in
            if placed.request.mode == .crew && placed.booking.host.unitId == nil {
                return violation(
                    .unitPresent, placed, context,
                    "booking \(placed.id) is crew work on the site's own equipment; an itinerant unit's crew must do it"
                )
            }
            guard let unitId = placed.booking.host.unitId, let unit = context.units[unitId] else { return nil }
            let setup = TimeInterval(unit.setupMinutes * 60)
            let candidates = visits[UnitSite(unitId: unitId, siteId: placed.site.id)] ?? []
            let present = candidates.contains {
                $0.arrival.addingTimeInterval(setup) <= placed.booking.start && placed.booking.end <= $0.departure
            }
            guard !present else { return nil }
            let stops = candidates.sorted { $0.arrival < $1.arrival }
                .map { context.local(UTCInterval(start: $0.arrival, end: $0.departure)) }
            let known = stops.isEmpty ? "no visit there" : "visits there " + stops.joined(separator: ", ")
            return violation(
                .unitPresent, placed, context,
                "booking \(placed.id) is hosted by unit \(unitId) at site \(placed.site.id) on"
                    + " \(context.local(placed.siteInterval)), but the unit is not set up there then"
                    + " (\(unit.setupMinutes) min set-up; \(known))")
        }
    }

    private struct UnitSite: Hashable {
        let unitId: MobileUnit.ID
        let siteId: Site.ID
    }
}
