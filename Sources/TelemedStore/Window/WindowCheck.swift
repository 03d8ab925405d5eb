import TelemedCore
import TelemedSolver

/// The plan checker over a window's live bookings (not cancelled) and stored routes: what the
/// roll repairs and what `telemed simulate` counts. A unit day with no stored route has no work
/// yet (a new day of the window gets its route with the roll), which the checker cannot tell, so
/// rules about such a day are left out.
public enum WindowCheck {
    public static func violations(scenario: Scenario, routes: [UnitRoute], travel: any TravelModel) -> [PlanViolation] {
        let plan = Plan(
            bookings: scenario.bookings.filter { $0.status.occupiesResources }, visits: routes.flatMap(\.visits),
            unitDays: routes.map(\.day), unassigned: [], score: PlanScore(hard: 0, served: 0, soft: 0))
        let routed = Set(routes.map(\.key))
        return PlanChecker(scenario: scenario, travel: travel).check(plan).violations.filter {
            guard let unitId = $0.unitId, let date = $0.date else { return true }
            return routed.contains(UnitDayKey(unitId: unitId, date: date))
        }
    }
}
