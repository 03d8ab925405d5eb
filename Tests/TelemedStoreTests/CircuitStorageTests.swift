import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// Circuits in the store (v16): a recurring stop's `everyWeeks`, `anchorDate` and `weekOfMonth`
/// are columns of `unitRecurringStops`, null for a weekly stop.
@Suite("Circuits in the store")
struct CircuitStorageTests {
    /// The store fixture's unit with a weekly stop, two fortnightly stops on alternate Tuesdays at
    /// the same time, and one on the last Friday of the month.
    static func scenario() -> Scenario {
        let time = StoreFixture.time
        var scenario = StoreFixture.scenario()
        scenario.units[0].recurringStops = [
            RecurringStop(day: .monday, siteId: "A", arrival: time(9, 0), departure: time(11, 0)),
            RecurringStop(
                day: .tuesday, siteId: "B", arrival: time(9, 0), departure: time(11, 0), everyWeeks: 2,
                anchorDate: LocalDate(year: 2027, month: 1, day: 5)),
            RecurringStop(
                day: .tuesday, siteId: "A", arrival: time(9, 0), departure: time(11, 0), everyWeeks: 2,
                anchorDate: LocalDate(year: 2027, month: 1, day: 12)),
            RecurringStop(
                day: .friday, siteId: "B", arrival: time(14, 0), departure: time(16, 0),
                weekOfMonth: RecurringStop.lastWeekOfMonth),
        ]
        return scenario
    }

    @Test("stops every other week and on the last Friday of the month round-trip through import and export")
    func roundTrip() throws {
        let scenario = Self.scenario()
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let reopened = try StoreFixture.reopened(afterImporting: scenario, in: folder)
        #expect(try reopened.exportScenario() == scenario)
        let rows = try reopened.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT everyWeeks, anchorDate, weekOfMonth FROM unitRecurringStops ORDER BY position"
            ).map { row in
                [(row[0] as Int?).map(String.init), row[1] as String?, (row[2] as Int?).map(String.init)]
                    .map { $0 ?? "-" }.joined(separator: " ")
            }
        }
        #expect(rows == ["- - -", "2 2027-01-05 -", "2 2027-01-12 -", "- - -1"])
    }

    @Test("a file from before circuits (v15) is upgraded in place and its weekly stops stay weekly")
    func v15FileIsUpgraded() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let scenario = StoreFixture.scenario()
        let queue = try DatabaseQueue(path: path, configuration: TelemedDatabase.makeConfiguration())
        try TelemedDatabase.migrator.migrate(queue, upTo: "v15-zones")
        try queue.write { grdb in
            let db = GRDBConnection(db: grdb)
            try ScenarioSettingsRecord(scenario).insert(db)
            for (position, site) in scenario.sites.enumerated() { try SiteRecord(site, position: position).insert(db) }
            try UnitRecord(scenario.units[0], position: 0).insert(db)
            // The v15 row, without the circuit columns.
            try db.execute(
                sql: """
                    INSERT INTO unitRecurringStops (unitId, position, day, siteId, arrival, departure)
                    VALUES ('U-1', 0, 'wednesday', 'B', '09:30', '12:00')
                    """)
        }
        try queue.close()
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        #expect(try database.writer.read { try TelemedDatabase.migrator.hasCompletedMigrations($0) })
        let stops = try database.exportScenario().units.first?.recurringStops
        #expect(
            stops == [
                RecurringStop(
                    day: .wednesday, siteId: "B", arrival: StoreFixture.time(9, 30),
                    departure: StoreFixture.time(12, 0))
            ])
        #expect(stops?.first?.isWeekly == true)
    }
}
