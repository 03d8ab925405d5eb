import Foundation
import GRDB
import Synchronization
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("db check and backup")
struct MaintenanceTests {
    @Test(
        "check passes on a fresh import and lists a collision planted behind the store's back",
        arguments: StoreBackend.allCases)
    func checkFindsCollision(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        try store.propose(StoreFixture.booking("B-2", request: 8, hour: 9), actor: "x")
        #expect(try store.confirm("B-1", actor: "x").value != nil)
        #expect(try database.check().isValid)
        try database.database.write { try $0.execute(sql: "UPDATE bookings SET status = 'confirmed' WHERE id = 'B-2'") }
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
    func backupWhileWriting() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let load = ConfirmLoad(groups: 120, writers: 1)
        let path = folder.path("telemed.sqlite")
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try database.importScenario(load.scenario(), actor: "test")
        // The writer stops after 30 confirmations until the backup is about to start, so the backup
        // always begins with the writer part way through its load, never before or after it.
        let (midway, resume, finished) = (
            DispatchSemaphore(value: 0), DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)
        )
        let committed = Mutex(0)
        let outcome = Mutex<Result<Int, any Error>?>(nil)
        Thread {
            let result = Result {
                try load.run(
                    store: DatabaseBookingStore(try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)),
                    writer: 0
                ) { _, accepted in
                    let count = committed.withLock { count in
                        count += accepted ? 1 : 0
                        return count
                    }
                    if count == 30 {
                        midway.signal()
                        resume.wait()
                    }
                }.committed
            }
            outcome.withLock { $0 = result }
            finished.signal()
        }.start()
        try #require(midway.wait(timeout: .now() + 120) == .success, "the writer never reached 30 confirmations")
        resume.signal()
        try database.backup(to: folder.path("backup", "copy.sqlite"))
        try #require(finished.wait(timeout: .now() + 120) == .success, "the writer never finished")
        #expect(try outcome.withLock { try $0?.get() } == 120)
        let copy = try TelemedDatabase.openFile(at: folder.path("backup", "copy.sqlite"), clock: StoreFixture.clock)
        let report = try copy.check()
        #expect(report.isValid, "\(report.problems)")
        var exported = try copy.exportScenario()
        let bookings = exported.bookings
        exported.bookings = []
        #expect(exported == load.scenario())
        #expect(bookings.allSatisfy { $0.status == .confirmed || $0.status == .proposed })
        // Everything committed before the backup began, and nothing beyond the writer's load.
        #expect((30...120).contains(bookings.filter { $0.status == .confirmed }.count))
    }
}
