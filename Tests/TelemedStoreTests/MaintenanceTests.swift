import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("db check and backup")
struct MaintenanceTests {
    @Test("check passes on a fresh import and lists a collision planted behind the store's back")
    func checkFindsCollision() throws {
        let (database, store) = try StoreFixture.database()
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        try store.propose(StoreFixture.booking("B-2", request: 8, hour: 9), actor: "x")
        #expect(try store.confirm("B-1", actor: "x").value != nil)
        #expect(try database.check().isValid)
        try database.writer.write { try $0.execute(sql: "UPDATE bookings SET status = 'confirmed' WHERE id = 'B-2'") }
        let report = try database.check()
        #expect(!report.isValid)
        #expect(report.invariantProblems.count == 1)
        #expect(report.invariantProblems.first?.hasPrefix("specialistNoOverlap: specialist SP-1") == true)
        #expect(report.integrityProblems.isEmpty)
    }

    @Test("the shipped small scenario passes the check: a unit day with no stored route is not planned yet")
    func importedFixturePasses() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(try ScenarioCoder.load(contentsOf: StoreFixture.smallScenarioURL), actor: "t")
        let report = try database.check()
        #expect(report.isValid, "\(report.problems)")
        #expect(report.committedBookings == 1)
    }

    @Test("a backup taken while another connection writes opens, passes the check and holds the data")
    func backupWhileWriting() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let load = ConfirmLoad(groups: 120, writers: 1)
        let path = folder.path("telemed.sqlite")
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try database.importScenario(load.scenario(), actor: "test")
        let writing = Task.detached {
            try load.run(
                store: SQLiteBookingStore(try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)), writer: 0)
        }
        try await Task.sleep(for: .milliseconds(50))
        try database.backup(to: folder.path("backup", "copy.sqlite"))
        _ = try await writing.value
        let copy = try TelemedDatabase.openFile(at: folder.path("backup", "copy.sqlite"), clock: StoreFixture.clock)
        let report = try copy.check()
        #expect(report.isValid, "\(report.problems)")
        var exported = try copy.exportScenario()
        let bookings = exported.bookings
        exported.bookings = []
        #expect(exported == load.scenario())
        #expect(bookings.allSatisfy { $0.status == .confirmed || $0.status == .proposed })
    }
}
