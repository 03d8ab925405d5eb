import Foundation
import GRDB
import TelemedCore
import TelemedSolver

extension TelemedDatabase {
    /// The rules one committed booking can break against another (or against a stored unit route):
    /// the invariants `check()` verifies. The other hard rules concern a booking alone and are
    /// checked when it is confirmed.
    public static let collisionConstraints: Set<ConstraintName> = [
        .specialistNoOverlap, .specialistDailyMax, .roomFree, .patientNoOverlap, .requestOnce, .unitPresent,
        .unitRouteFeasible,
    ]

    /// `PRAGMA integrity_check` and `foreign_key_check`, then the invariants: the plan checker run on
    /// every confirmed and done booking with the stored unit routes, keeping the
    /// ``collisionConstraints``. A unit day with no stored route is not planned yet (a scenario
    /// carries no routes), so `unitPresent` is only checked on unit days that have one.
    ///
    /// ```swift
    /// let report = try database.check()
    /// report.problems.forEach { print($0) }
    /// ```
    public func check() throws -> StoreCheckReport {
        try writer.read { db in
            var integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                integrity.append(
                    "foreign key: table \(row[0] ?? "?") row \(row[1] ?? "?") refers to missing \(row[2] ?? "?")")
            }
            guard try ScenarioSettingsRecord.fetchCount(db) > 0 else {
                return StoreCheckReport(integrityProblems: integrity, invariantProblems: [], committedBookings: 0)
            }
            let (problems, committed) = try invariantProblems(db)
            return StoreCheckReport(
                integrityProblems: integrity, invariantProblems: problems, committedBookings: committed)
        }
    }

    private func invariantProblems(_ db: Database) throws -> ([String], Int) {
        var scenario = try Self.loadScenario(GRDBConnection(db: db), path: name)
        let committed = scenario.bookings.filter(\.status.isPinned)
        scenario.bookings = []
        for index in scenario.units.indices { scenario.units[index].recurringStops = [] }
        let routes = try Self.loadRoutes(db, from: scenario.horizon.start)
        let routed = Set(routes.map(\.key))
        let plan = Plan(
            bookings: committed, visits: routes.flatMap(\.visits), unitDays: routes.map(\.day), unassigned: [],
            score: PlanScore(hard: 0, served: 0, soft: 0))
        let checker = PlanChecker(scenario: scenario, travel: try travelModel(for: scenario.travel))
        let problems = checker.check(plan).violations.filter { violation in
            guard Self.collisionConstraints.contains(violation.constraint) else { return false }
            guard violation.constraint == .unitPresent else { return true }
            guard let unitId = violation.unitId, let date = violation.date else { return true }
            return routed.contains(UnitDayKey(unitId: unitId, date: date))
        }
        return (problems.map(\.description), committed.count)
    }
}
