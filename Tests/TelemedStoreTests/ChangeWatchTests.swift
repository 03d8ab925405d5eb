import Foundation
import Testing

@testable import TelemedStore

@Suite("Recent change generation")
struct ChangeWatchTests {
    @Test("a change made through this database is seen at once, without waiting for the tolerance")
    func ownChangesAtOnce() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        let before = try database.recentChangeGeneration(tolerance: .seconds(3600))
        let store = DatabaseBookingStore(database)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        let afterProposal = try database.recentChangeGeneration(tolerance: .seconds(3600))
        #expect(afterProposal > before)
        #expect(try store.confirm("B-1", actor: "x").value != nil)
        let afterConfirmation = try database.recentChangeGeneration(tolerance: .seconds(3600))
        #expect(afterConfirmation > afterProposal)
        #expect(afterConfirmation == (try database.changeGeneration()))
    }

    @Test("a change made by another process is seen once the tolerance has passed, not before")
    func otherProcessAfterTolerance() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let server = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try server.importScenario(StoreFixture.scenario(), actor: "test")
        let seen = try server.recentChangeGeneration(tolerance: .seconds(3600))
        let cli = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        _ = try cli.appendAudit(
            AuditEntry(
                occurredAt: StoreFixture.clock.now(), actor: "cli", action: "note", entityKind: "site", entityId: "S-1")
        )
        // Within the tolerance the last reading stands; an exact reading sees the change.
        #expect(try server.recentChangeGeneration(tolerance: .seconds(3600)) == seen)
        #expect(try server.recentChangeGeneration(tolerance: .zero) == (try cli.changeGeneration()))
        #expect(try server.recentChangeGeneration(tolerance: .zero) > seen)
    }
}
