import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedStore

/// What replicas of one database share through it: browser sessions, leases, keys, and on
/// PostgreSQL the news of each other's changes.
@Suite("State the replicas share")
struct ReplicaStateTests {
    @Test(
        "a page session is kept by hash, gives its code's role until closed, expired or revoked",
        arguments: StoreBackend.allCases)
    func pageSessions(_ backend: StoreBackend) throws {
        let time = ManualTime(StoreFixture.at(8, 0))
        let database = try backend.open(clock: .manual(time))
        let code = try database.createToken(role: .site("A"), actor: "admin")
        let id = try database.openPageSession(token: code, expires: StoreFixture.at(20, 0))
        #expect(try database.pageSessionRole(id, now: StoreFixture.at(9, 0)) == .site("A"))
        #expect(try database.pageSessionRole(id + "0", now: StoreFixture.at(9, 0)) == nil)
        #expect(try database.pageSessionRole(id, now: StoreFixture.at(20, 0)) == nil)
        let stored = try database.database.read {
            try $0.fetchAll(String.self, sql: "SELECT idHash || ' ' || tokenHash FROM pageSessions")
        }
        #expect(stored.count == 1 && !stored[0].contains(id) && !stored[0].contains(code))
        try database.closePageSession(id)
        #expect(try database.pageSessionRole(id, now: StoreFixture.at(9, 0)) == nil)
        let other = try database.openPageSession(token: code, expires: StoreFixture.at(20, 0))
        try database.revokeToken(code, actor: "admin")
        #expect(try database.pageSessionRole(other, now: StoreFixture.at(9, 0)) == nil)
        #expect(try database.pageSessionRole("a\u{0}b", now: StoreFixture.at(9, 0)) == nil)
    }

    @Test(
        "a lease goes to one holder until it lapses or is released; its holder renews it",
        arguments: StoreBackend.allCases)
    func leases(_ backend: StoreBackend) throws {
        let time = ManualTime(StoreFixture.at(8, 0))
        let database = try backend.open(clock: .manual(time))
        #expect(try database.acquireLease("roll", holder: "a", for: 60))
        #expect(try !database.acquireLease("roll", holder: "b", for: 60))
        #expect(try database.leaseHolder("roll") == "a")
        time.set(to: StoreFixture.at(8, 0).addingTimeInterval(50))
        #expect(try database.acquireLease("roll", holder: "a", for: 60))
        time.set(to: StoreFixture.at(8, 0).addingTimeInterval(100))
        #expect(try !database.acquireLease("roll", holder: "b", for: 60))
        time.set(to: StoreFixture.at(8, 0).addingTimeInterval(111))
        #expect(try database.leaseHolder("roll") == nil)
        #expect(try database.acquireLease("roll", holder: "b", for: 60))
        try database.releaseLease("roll", holder: "a")
        #expect(try database.leaseHolder("roll") == "b")
        try database.releaseLease("roll", holder: "b")
        #expect(try database.acquireLease("roll", holder: "c", for: 60))
        #expect(try database.acquireLease("outbox", holder: "a", for: 60))
    }

    @Test("a shared key is made once and read back alike by every connection", arguments: StoreBackend.allCases)
    func sharedKeys(_ backend: StoreBackend) throws {
        let database = try backend.open()
        let key = try database.sharedKey(named: "csrf")
        #expect(key.count == 32)
        #expect(try database.sharedKey(named: "csrf") == key)
        #expect(try database.sharedKey(named: "feed-links") != key)
    }

    /// Two processes' views of one PostgreSQL database: a change committed through one reaches
    /// the other's cached generation through LISTEN/NOTIFY, with a tolerance that would otherwise
    /// keep the old value for an hour.
    @Test("on PostgreSQL a change made through one connection is seen by another's change watch")
    func changesReachOtherReplicas() async throws {
        let address = try PostgresTestCluster.shared().makeDatabase("replicas")
        let first = try TelemedDatabase(postgres: PostgresLocation(address), clock: StoreFixture.clock)
        let second = try TelemedDatabase(postgres: PostgresLocation(address), clock: StoreFixture.clock)
        let before = try second.recentChangeGeneration(tolerance: .seconds(3600))
        try first.importScenario(StoreFixture.scenario(), actor: "test")
        let current = try first.changeGeneration()
        #expect(current > before)
        #expect(try await Self.seen(current, by: second) == current)
        // Now that the listener is surely connected, only a notification can tell the next change.
        try first.appendAudit(
            AuditEntry(occurredAt: StoreFixture.at(9, 0), actor: "t", action: "a", entityKind: "k", entityId: "1"))
        let next = try first.changeGeneration()
        #expect(next > current)
        #expect(try await Self.seen(next, by: second) == next)
    }

    /// The generation `database` reports once it reaches `expected`, or after five seconds.
    private static func seen(_ expected: Int64, by database: TelemedDatabase) async throws -> Int64 {
        var seen = try database.recentChangeGeneration(tolerance: .seconds(3600))
        for _ in 0..<100 where seen != expected {
            try await Task.sleep(for: .milliseconds(50))
            seen = try database.recentChangeGeneration(tolerance: .seconds(3600))
        }
        return seen
    }
}
