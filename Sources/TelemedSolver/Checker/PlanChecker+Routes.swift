import Foundation
import TelemedCore

/// Hard rule #5 (`unitRouteFeasible`): per unit and date with at least one visit, the day, shift,
/// legs, driving, capacity and lunch rules of `docs/constraints.md`.
extension PlanChecker {
    func unitRouteFeasible(_ context: PlanCheckContext) -> [PlanViolation] {
        let onUnits = context.placed.filter { $0.booking.host.unitId != nil }
        let byUnit = Dictionary(grouping: onUnits) { $0.booking.host.unitId! }
        let hosted = Dictionary(grouping: onUnits) {
            CheckedRouteKey(unitId: $0.booking.host.unitId!, date: context.localDate(of: $0.booking.start))
        }
        return context.routes.flatMap { route -> [PlanViolation] in
            let bookings = hosted[CheckedRouteKey(unitId: route.unit.id, date: route.date)] ?? []
            let problems =
                dayAndShiftProblems(route, context) + legProblems(route, context)
                + capacityProblems(route, bookings) + lunchProblems(route, byUnit[route.unit.id] ?? [], context)
            return problems.map {
                PlanViolation(
                    constraint: .unitRouteFeasible, message: "unit \(route.unit.id) on \(route.date): \($0)",
                    unitId: route.unit.id, date: route.date)
            }
        }
    }

    private func dayAndShiftProblems(_ route: CheckedRoute, _ context: PlanCheckContext) -> [String] {
        var problems: [String] = []
        let (unit, date) = (route.unit, route.date)
        if !context.isUnitDay(unit, date) {
            problems.append("not a working day of the unit (\(context.whyNotUnitDay(unit, date)))")
        }
        if route.records.count != 1 {
            problems.append("expected one unit-day record (leaves/returns depot, lunch), found \(route.records.count)")
        }
        let orders = route.visits.map(\.order)
        if orders != Array(1...route.visits.count) {
            problems.append(
                "visit orders are \(orders.map(String.init).joined(separator: ", ")), not 1…\(orders.count)")
        }
        for visit in route.visits where !(visit.arrival < visit.departure) {
            problems.append(
                "visit \(visit.order) at \(visit.siteId) arrives \(context.local(visit.arrival)),"
                    + " not before it leaves \(context.local(visit.departure))")
        }
        if let record = route.record {
            let shiftStart = context.instant(on: date, at: unit.shift.start)
            let shiftEnd = context.instant(on: date, at: unit.shift.end)
            if record.leavesDepot < shiftStart || record.returnsDepot > shiftEnd {
                problems.append(
                    "leaves the depot \(context.local(record.leavesDepot)) and returns"
                        + " \(context.local(record.returnsDepot)), outside its shift \(unit.shift.start)–\(unit.shift.end)"
                )
            }
        }
        return problems + route.travelProblems
    }

    /// Each leg `a → b`: `t_b − t_a − |lunch ∩ [t_a, t_b)| ≥ travel(a, b)`; Σ travel ≤ max driving.
    private func legProblems(_ route: CheckedRoute, _ context: PlanCheckContext) -> [String] {
        var problems: [String] = []
        let tolerance = Self.travelToleranceMinutes
        for leg in route.legs {
            guard let departs = leg.departs, let arrives = leg.arrives else { continue }
            let span = UTCInterval(start: departs, end: arrives)
            let lunch = route.record?.lunch.map { PlanCheckContext.overlapSeconds($0, span) } ?? 0
            let available = (arrives.timeIntervalSince(departs) - lunch) / 60
            if available < leg.minutes - tolerance {
                let eating = lunch > 0 ? " after \(Int(lunch / 60)) min of lunch" : ""
                problems.append(
                    "leg \(leg.from) → \(leg.to) leaves \(context.local(departs)) and arrives"
                        + " \(context.local(arrives)): \(Self.minutes(available)) min\(eating) for"
                        + " \(Self.minutes(leg.minutes)) min of driving")
            }
        }
        let driving = route.drivingMinutes
        if driving > Double(route.unit.maxDrivingMinutesPerDay) + tolerance {
            problems.append(
                "drives \(Self.minutes(driving)) min, over its maximum of \(route.unit.maxDrivingMinutesPerDay) min")
        }
        return problems
    }

    /// Σ load of the hosted requests ≤ `capacityPerDay` (each load is 1 unless the request says).
    private func capacityProblems(_ route: CheckedRoute, _ bookings: [CheckedBooking]) -> [String] {
        let load = bookings.reduce(0) { $0 + $1.request.capacityLoad }
        guard let capacity = route.unit.capacityPerDay, load > capacity else { return [] }
        let ids = bookings.map(\.id).sorted().map(\.rawValue).joined(separator: ", ")
        return ["hosts a load of \(load), over its capacity of \(capacity): bookings \(ids)"]
    }

    /// The lunch lasts `minutes` inside `[earliestStart, latestEnd]` and overlaps no hosted booking
    /// and no set-up period.
    private func lunchProblems(
        _ route: CheckedRoute, _ onUnit: [CheckedBooking], _ context: PlanCheckContext
    ) -> [String] {
        guard let rule = route.unit.lunchBreak, let record = route.record else { return [] }
        guard let lunch = record.lunch else {
            return ["has no lunch break (\(rule.minutes) min between \(rule.earliestStart) and \(rule.latestEnd))"]
        }
        var problems: [String] = []
        let window = UTCInterval(
            start: context.instant(on: route.date, at: rule.earliestStart),
            end: context.instant(on: route.date, at: rule.latestEnd))
        if abs(lunch.duration / 60 - Double(rule.minutes)) > Self.travelToleranceMinutes || !window.contains(lunch) {
            problems.append(
                "lunch \(context.local(lunch)) must last \(rule.minutes) min between \(rule.earliestStart)"
                    + " and \(rule.latestEnd)")
        }
        let hosted = onUnit.filter { $0.siteInterval.overlaps(lunch) }
        for placed in hosted.sorted(by: { $0.siteInterval < $1.siteInterval }) {
            problems.append(
                "lunch \(context.local(lunch)) overlaps booking \(placed.id) (\(context.local(placed.siteInterval)))")
        }
        let setupSeconds = TimeInterval(route.unit.setupMinutes * 60)
        for visit in route.visits {
            let setup = UTCInterval(start: visit.arrival, end: visit.arrival.addingTimeInterval(setupSeconds))
            if setup.overlaps(lunch) {
                problems.append(
                    "lunch \(context.local(lunch)) overlaps the set-up at \(visit.siteId) (\(context.local(setup)))")
            }
        }
        return problems
    }

    /// `29.20` — two decimals, enough to show a leg short by a fraction of a minute.
    static func minutes(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
