import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// Campaigns in the store (v18): the definition as JSON, its patients as requests naming it with
/// the campaign's last day.
@Suite("Campaigns in the store")
struct CampaignStorageTests {
    /// The store fixture with a crew screening of 3 patients at the town point of Château-Chinon
    /// (sites A and B) in the first week.
    static func scenario() -> Scenario {
        var scenario = StoreFixture.scenario()
        let start = scenario.horizon.start
        scenario.add(
            Campaign(
                id: "C-1", name: "Dépistage", kind: .screening, specialty: .screening, mode: .crew,
                period: Horizon(start: start, end: start.adding(days: 4)),
                targets: [CampaignTarget(inseeCode: "58062", patients: 3)], minutesPerPatient: 15,
                equipment: [.ecg]))
        return scenario
    }

    @Test("a campaign and its patients round-trip through import and export")
    func roundTrip() throws {
        let scenario = Self.scenario()
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        #expect(scenario.requests(of: "C-1").map(\.siteId) == ["A", "B", "A"])
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let reopened = try StoreFixture.reopened(afterImporting: scenario, in: folder)
        #expect(try reopened.exportScenario() == scenario)
        #expect(try reopened.campaigns() == scenario.campaigns)
        let rows = try reopened.database.read { db in
            try db.fetchAll(
                String.self,
                sql: "SELECT id || ' ' || latestDate FROM requests WHERE campaignId = 'C-1' ORDER BY position")
        }
        #expect(rows == ["C-1-A-001 2027-01-08", "C-1-B-001 2027-01-08", "C-1-A-002 2027-01-08"])
    }

    @Test("an export leaves out a campaign with no patient left in the window, so reading it back adds nothing")
    func finishedCampaignLeftOut() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(Self.scenario(), actor: "test")
        // As if every patient had been screened before the window: their rows leave the export.
        try database.database.write { db in try db.execute(sql: "DELETE FROM requests WHERE campaignId IS NOT NULL") }
        let exported = try database.exportScenario()
        #expect(exported.campaigns.isEmpty)
        #expect(try database.campaigns().count == 1, "still stored, for its figures")
        #expect(try ScenarioCoder.decode(ScenarioCoder.encode(exported)).requests.count == exported.requests.count)
    }

    @Test("a file from before campaigns (v17) is upgraded in place and its requests name none")
    func v17FileIsUpgraded() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let queue = try DatabaseQueue(path: path, configuration: TelemedDatabase.makeConfiguration())
        try TelemedDatabase.migrator.migrate(queue, upTo: "v17-careSeries")
        try queue.close()
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        #expect(try database.exportScenario().requests.allSatisfy { $0.campaignId == nil && $0.latestDate == nil })
        #expect(try database.campaigns().isEmpty)
    }
}
