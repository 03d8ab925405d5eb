import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// Care series in the store (v17): an occurrence's series id, index, count and gaps are columns
/// of `requests`, null for a request that stands alone.
@Suite("Care series in the store")
struct CareSeriesStorageTests {
    /// The store fixture with R-1 as a bare series of three, 3 to 5 days apart.
    static func scenario() -> Scenario {
        var scenario = StoreFixture.scenario()
        scenario.requests[0].series = CareSeries(count: 3, minGapDays: 3, maxGapDays: 5)
        return scenario
    }

    @Test("a series is stored as its occurrences and round-trips through import and export")
    func roundTrip() throws {
        let expanded = Self.scenario().expandingSeries()
        #expect(ScenarioValidator().validate(expanded).isEmpty)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // The bare spec is expanded on import.
        let reopened = try StoreFixture.reopened(afterImporting: Self.scenario(), in: folder)
        #expect(try reopened.exportScenario() == expanded)
        let rows = try reopened.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, seriesId, seriesIndex, seriesCount, seriesMinGapDays, seriesMaxGapDays
                    FROM requests ORDER BY position LIMIT 4
                    """
            ).map { row in
                (0..<6).map { (row[$0] as DatabaseValue).description }.joined(separator: " ")
            }
        }
        #expect(
            rows == [
                "\"R-1-1\" \"S-R-1\" 1 3 3 5", "\"R-1-2\" \"S-R-1\" 2 3 3 5", "\"R-1-3\" \"S-R-1\" 3 3 3 5",
                "\"R-2\" NULL NULL NULL NULL NULL",
            ])
    }

    @Test("a file from before care series (v16) is upgraded in place and its requests stand alone")
    func v16FileIsUpgraded() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let queue = try DatabaseQueue(path: path, configuration: TelemedDatabase.makeConfiguration())
        try TelemedDatabase.migrator.migrate(queue, upTo: "v16-circuits")
        try queue.close()
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        #expect(try database.writer.read { try TelemedDatabase.migrator.hasCompletedMigrations($0) })
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        #expect(try database.exportScenario().requests.allSatisfy { $0.series == nil })
    }

    @Test("after the window rolls past an occurrence's booking, the next one keeps the spacing from it")
    func rolledWindowAnchorsTheNext() throws {
        var scenario = Self.scenario().expandingSeries()
        let monday = StoreFixture.monday
        let start = WallClock.paris.instant(on: monday, at: LocalTime(hour: 9, minute: 0)!)
        scenario.bookings = [
            Booking(
                id: "B-1", requestId: "R-1-1", specialistId: "SP-1", siteId: "A", start: start,
                end: start.addingTimeInterval(30 * 60), host: .siteEquipment, status: .done)
        ]
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        _ = try WindowRoller(database: database, seed: 1, actor: "test").roll(to: monday.adding(days: 2))
        let exported = try database.exportScenario()
        #expect(!exported.requests.contains { $0.id == "R-1-1" }, "booked before the window")
        let second = try #require(exported.requests.first { $0.id == "R-1-2" })
        #expect(second.earliestDate == monday.adding(days: 3) && second.latestDate == monday.adding(days: 5))
        #expect(exported.requests.first { $0.id == "R-1-3" }?.latestDate == nil)
        #expect(ScenarioValidator().validate(exported).isEmpty, "what is left of a series is a valid series")
    }
}
