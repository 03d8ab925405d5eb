import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The planning window: today and the last planned day (the stored scenario's horizon) and the
    /// window's length in weeks.
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func planningWindow() throws -> PlanningWindow {
        try database.read { db in try Self.planningWindow(db, path: name) }
    }

    /// Sets how many weeks ahead the window reaches (1–52). The next roll applies it; a shorter
    /// window never drops days already planned.
    public func setWindowWeeks(_ weeks: Int, actor: String) throws {
        guard PlanningWindow.weekRange.contains(weeks) else {
            throw StoreError.invalidSetting(
                "the window is \(PlanningWindow.weekRange.lowerBound)–\(PlanningWindow.weekRange.upperBound) weeks, "
                    + "not \(weeks)")
        }
        let now = clock.now()
        try database.write { db in
            let before = try db.fetchOne(Int.self, sql: "SELECT windowWeeks FROM planningWindow WHERE id = 1")
            guard before != weeks else { return }
            try db.execute(sql: "UPDATE planningWindow SET windowWeeks = ? WHERE id = 1", arguments: [weeks])
            try AuditEntry(
                occurredAt: now, actor: actor, action: "settings.windowWeeks", entityKind: "settings",
                entityId: "planningWindow", before: before.map { #"{"windowWeeks":\#($0)}"# },
                after: #"{"windowWeeks":\#(weeks)}"#
            ).append(to: db)
        }
    }

    /// The last `limit` days the window was rolled onto, newest first, as their audit entries
    /// recorded them.
    public func recentRolls(limit: Int) throws -> [DayRoll] {
        try database.read { db in
            try db.fetchAll(
                String.self,
                sql: """
                    SELECT after FROM auditLog WHERE entityKind = 'planningWindow' AND action = 'window.roll'
                    ORDER BY id DESC LIMIT ?
                    """, arguments: [limit]
            ).map { try StoreJSON.decoder.decode(DayRoll.self, from: Data($0.utf8)) }
        }
    }

    static func planningWindow(_ db: any SQLConnection, path: String) throws -> PlanningWindow {
        guard let settings = try ScenarioSettingsRecord.current(db) else { throw StoreError.noScenario(path: path) }
        let weeks = try db.fetchOne(Int.self, sql: "SELECT windowWeeks FROM planningWindow WHERE id = 1")
        return PlanningWindow(
            today: settings.horizonStart, end: settings.horizonEnd, weeks: weeks ?? SchemaV9.defaultWindowWeeks)
    }

    /// The window's first day (today as the roll last set it); the far past when nothing is stored.
    static func windowStart(_ db: any SQLConnection) throws -> LocalDate {
        guard let text = try db.fetchOne(String.self, sql: "SELECT horizonStart FROM scenarioSettings WHERE id = 1")
        else { return LocalDate(daysSinceEpoch: Int.min / 4) }
        return try LocalDate(text)
    }
}
