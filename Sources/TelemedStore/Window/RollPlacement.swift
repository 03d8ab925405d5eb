import Foundation
import TelemedCore
import TelemedSolver

/// The pure part of a day's roll: which open requests are overdue, which proposed bookings no
/// longer hold, and the placement of the open work around everything that stays.
///
/// Proposed bookings that hold are kept as if confirmed, so the placement is an insertion around
/// them, not a re-optimisation; requests whose every booking was cancelled were withdrawn by staff
/// and are left out, as a re-optimisation leaves them.
struct RollPlacement {
    let scenario: Scenario
    let routes: [UnitRoute]
    /// The scenario the placement solves.
    let base: Scenario
    /// Open requests (no live booking, not withdrawn) past their due date on the new day.
    let overdue: Set<ConsultationRequest.ID>
    /// Proposed bookings the plan checker found broken.
    let invalid: Set<Booking.ID>
    /// Broken rules between committed bookings alone.
    let conflictsLeft: Int
    private let travel: any TravelModel
    private let touchedDays: Set<UnitDayKey>

    /// `waiting`: requests on the waiting list without a slot, left to the list's offers.
    init(
        scenario: Scenario, routes: [UnitRoute], travel: any TravelModel, now: Date,
        waiting: Set<ConsultationRequest.ID> = []
    ) {
        self.scenario = scenario
        self.routes = routes
        self.travel = travel
        let today = scenario.horizon.start
        let live = scenario.bookings.occupyingRequestIds
        let withdrawn = scenario.bookings.withdrawnRequestIds
        overdue = Set(
            scenario.requests.filter { request in
                !live.contains(request.id) && !withdrawn.contains(request.id)
                    && request.dueDate(delays: scenario.urgencyDelays) < today
            }.map(\.id))
        let (invalid, conflictsLeft) = Self.brokenProposals(scenario: scenario, routes: routes, travel: travel)
        self.invalid = invalid
        self.conflictsLeft = conflictsLeft
        touchedDays = Set(
            scenario.bookings.filter { invalid.contains($0.id) }.compactMap { booking in
                booking.host.unitId.map { UnitDayKey(unitId: $0, date: WallClock.paris.localDate(of: booking.start)) }
            })

        let clock = WallClock.paris
        let placeFrom = max(
            today,
            clock.localDate(of: now).adding(
                days: clock.localTime(of: now) >= WindowRoller.sameDayPlacementCutoff ? 1 : 0))
        // Requests to place: open ones and those whose proposed booking is broken.
        let repaired = Set(scenario.bookings.filter { invalid.contains($0.id) }.map(\.requestId))
        var base = scenario
        base.requests = scenario.requests.compactMap { request in
            if withdrawn.contains(request.id) || waiting.contains(request.id) { return nil }
            guard !live.contains(request.id) || repaired.contains(request.id) else { return request }
            var open = request
            if open.firstPossibleDate < placeFrom, placeFrom <= scenario.horizon.end { open.earliestDate = placeFrom }
            return open
        }
        base.bookings = scenario.bookings.compactMap { booking in
            if booking.status.isPinned { return booking }
            guard booking.status == .proposed, !invalid.contains(booking.id) else { return nil }
            var held = booking
            held.status = .confirmed
            return held
        }
        self.base = base
    }

    /// The placement: regret insertion only, with everything that stays pinned.
    func solve(seed: UInt64) throws(SolverError) -> Plan {
        try Solver(scenario: base, travelModel: travel).solve(SolverOptions(seed: seed, iterations: 0)).plan
    }

    /// `plan` with the stored route of every unit day the placement did not touch, so the apply
    /// rewrites only the routes that changed (a new stop, a repaired one, a new day's recurring
    /// stops) and feeds of untouched days stay byte for byte the same.
    func keepingStoredRoutes(_ plan: Plan) -> Plan {
        var touched = touchedDays
        for booking in plan.bookings where !booking.status.isPinned {
            if let unitId = booking.host.unitId {
                touched.insert(UnitDayKey(unitId: unitId, date: WallClock.paris.localDate(of: booking.start)))
            }
        }
        let stored = Dictionary(routes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let planned = Dictionary(grouping: plan.visits) { UnitDayKey(unitId: $0.unitId, date: $0.date) }
        var days: [UnitDay] = []
        var visits: [Visit] = []
        var seen: Set<UnitDayKey> = []
        for day in plan.unitDays {
            let key = UnitDayKey(unitId: day.unitId, date: day.date)
            seen.insert(key)
            if !touched.contains(key), let route = stored[key] {
                days.append(route.day)
                visits += route.visits
            } else {
                days.append(day)
                visits += planned[key] ?? []
            }
        }
        for route in routes where !seen.contains(route.key) && !touched.contains(route.key) {
            days.append(route.day)
            visits += route.visits
        }
        var kept = plan
        kept.unitDays = days
        kept.visits = visits
        return kept
    }

    /// The proposed bookings the plan checker finds broken on the stored schedule, and how many
    /// violations concern committed bookings alone.
    ///
    /// A violation names one booking. When it names a proposed one, that booking goes; when it
    /// names a committed one, the proposed bookings that share its day and one of its resources
    /// (specialist, site, unit, patient) go, since one of them is the other party; a unit-day rule
    /// takes the day's proposed bookings. What is left concerns committed bookings only.
    private static func brokenProposals(scenario: Scenario, routes: [UnitRoute], travel: any TravelModel)
        -> (Set<Booking.ID>, Int)
    {
        let live = scenario.bookings.filter { $0.status.occupiesResources }
        let violations = WindowCheck.violations(scenario: scenario, routes: routes, travel: travel)
        guard !violations.isEmpty else { return ([], 0) }
        let byId = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let patients = Dictionary(scenario.requests.map { ($0.id, $0.patientRef) }, uniquingKeysWith: { a, _ in a })
        let proposed = live.filter { $0.status == .proposed }
        let clock = WallClock.paris
        var broken: Set<Booking.ID> = []
        var left = 0
        for violation in violations {
            var found: [Booking] = []
            if let id = violation.bookingId, let booking = byId[id] {
                if booking.status == .proposed {
                    found = [booking]
                } else {
                    let date = clock.localDate(of: booking.start)
                    found = proposed.filter { other in
                        clock.localDate(of: other.start) == date
                            && ((other.specialistId != nil && other.specialistId == booking.specialistId)
                                || other.siteId == booking.siteId
                                || (other.host.unitId != nil && other.host.unitId == booking.host.unitId)
                                || patients[other.requestId] == patients[booking.requestId])
                    }
                }
            } else if let unitId = violation.unitId, let date = violation.date {
                found = proposed.filter { $0.host.unitId == unitId && clock.localDate(of: $0.start) == date }
            } else if let requestId = violation.requestId {
                found = proposed.filter { $0.requestId == requestId }
            }
            if found.isEmpty { left += 1 }
            broken.formUnion(found.map(\.id))
        }
        return (broken, left)
    }
}
