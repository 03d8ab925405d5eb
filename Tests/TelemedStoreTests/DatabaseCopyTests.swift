import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedStore

@Suite("db copy: a SQLite database into PostgreSQL")
struct DatabaseCopyTests {
    @Test("every row arrives: the same scenario, bookings, check, history and outbox; new ids follow the old")
    func sqliteIntoPostgres() throws {
        let (source, store) = try StoreFixture.database(.sqlite)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        _ = try store.confirm("B-1", actor: "site:A")
        _ = try store.book(StoreFixture.booking("B-2", request: 2, hour: 10), route: nil, replacing: nil, actor: "x")
        _ = try store.cancel("B-2", actor: "x")
        _ = try source.createToken(role: .site("A"), actor: "admin")
        let key = try source.sharedKey(named: "csrf")
        let target = try StoreBackend.postgres.open()
        let report = try source.copy(to: target)
        let history = try source.auditEntries(limit: 1000)
        #expect(report.rows["bookings"] == 2 && report.rows["auditLog"] == history.count)
        let (scenario, check, events) = (try source.exportScenario(), try source.check(), try source.outboxEvents())
        #expect(try target.exportScenario() == scenario)
        #expect(try target.check() == check)
        #expect(check.committedBookings == 1)
        #expect(try target.auditEntries(limit: 1000) == history)
        #expect(try target.outboxEvents() == events)
        #expect(try target.sharedKey(named: "csrf") == key)
        // Identities continue after the copied ids.
        let next = try target.appendAudit(
            AuditEntry(occurredAt: StoreFixture.at(12, 0), actor: "t", action: "a", entityKind: "k", entityId: "1"))
        #expect(next.id == history.first?.id.map { $0 + 1 })
        #expect(throws: StoreError.copyTargetNotEmpty(target.location)) { try source.copy(to: target) }
    }
}
