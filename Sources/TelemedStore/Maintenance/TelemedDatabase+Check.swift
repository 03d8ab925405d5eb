import Foundation
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

    /// On SQLite `PRAGMA integrity_check` and `foreign_key_check` (PostgreSQL checks its pages and
    /// enforces foreign keys itself), then the invariants: the plan checker run on
    /// every confirmed and done booking with the stored unit routes, keeping the
    /// ``collisionConstraints``. A unit day with no stored route is not planned yet (a scenario
    /// carries no routes), so `unitPresent` is only checked on unit days that have one.
    ///
    /// ```swift
    /// let report = try database.check()
    /// report.problems.forEach { print($0) }
    /// ```
    public func check() throws -> StoreCheckReport {
        try database.read { db in
            let integrity = db.dialect == .sqlite ? try Self.sqliteIntegrityProblems(db) : []
            guard try ScenarioSettingsRecord.exists(db, key: 1) else {
                return StoreCheckReport(integrityProblems: integrity, invariantProblems: [], committedBookings: 0)
            }
            let (problems, committed) = try invariantProblems(db)
            return StoreCheckReport(
                integrityProblems: integrity, invariantProblems: problems, committedBookings: committed)
        }
    }

    private static func sqliteIntegrityProblems(_ db: any SQLConnection) throws -> [String] {
        var problems = try db.fetchAll(String.self, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        for row in try db.fetchAll(sql: "PRAGMA foreign_key_check") {
            let (table, rowid, parent) = (row.values[0], row.values[1], row.values[2])
            problems.append("foreign key: table \(table) row \(rowid) refers to missing \(parent)")
        }
        return problems
    }

    private func invariantProblems(_ db: any SQLConnection) throws -> ([String], Int) {
        var scenario = try Self.loadScenario(db, path: name)
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
