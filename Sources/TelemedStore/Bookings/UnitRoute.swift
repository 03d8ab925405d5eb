import TelemedCore

/// One unit's route for one day: its day record and its stops, as a plan gives them.
///
/// A unit-hosted booking is confirmed against the stored route of its unit day (`unitPresent`,
/// `unitRouteFeasible`); a proposal that adds a stop passes its new route with the confirmation.
public struct UnitRoute: Codable, Hashable, Sendable {
    public var day: UnitDay
    public var visits: [Visit]

    public init(day: UnitDay, visits: [Visit]) {
        self.day = day
        self.visits = visits
    }

    public var key: UnitDayKey { UnitDayKey(unitId: day.unitId, date: day.date) }

    /// The route of `plan` for one unit day, or nil when the plan has no day record for it.
    public init?(plan: Plan, unitId: MobileUnit.ID, date: LocalDate) {
        guard let day = plan.unitDays.first(where: { $0.unitId == unitId && $0.date == date }) else { return nil }
        self.init(day: day, visits: plan.visits.filter { $0.unitId == unitId && $0.date == date })
    }

    func validated() throws -> UnitRoute {
        for visit in visits where visit.unitId != day.unitId || visit.date != day.date {
            throw StoreError.invalidRoute(
                "a visit of unit \(visit.unitId) on \(visit.date) in the route of \(day.unitId) on \(day.date)")
        }
        let orders = visits.map(\.order).sorted()
        guard orders == Array(1...max(1, visits.count)) || visits.isEmpty else {
            throw StoreError.invalidRoute("visit orders of \(day.unitId) on \(day.date) are not 1…\(visits.count)")
        }
        return self
    }
}

/// A unit and a local date: the key of a unit day.
public struct UnitDayKey: Hashable, Sendable, Comparable {
    public var unitId: MobileUnit.ID
    public var date: LocalDate

    public init(unitId: MobileUnit.ID, date: LocalDate) {
        self.unitId = unitId
        self.date = date
    }

    public static func < (lhs: UnitDayKey, rhs: UnitDayKey) -> Bool { (lhs.unitId, lhs.date) < (rhs.unitId, rhs.date) }
}
