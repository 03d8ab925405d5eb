import Foundation
import GRDB
import Testing

@testable import TelemedStore

@Suite("Audit log")
struct AuditLogTests {
    private func entry(actor: String = "planner", entityId: String = "b-1", after: String? = nil) -> AuditEntry {
        // Whole seconds: the store keeps milliseconds, and equality must hold after a round trip.
        AuditEntry(
            occurredAt: Date(timeIntervalSince1970: 1_790_000_000), actor: actor, action: "booking.confirm",
            entityKind: "booking", entityId: entityId, before: nil, after: after)
    }

    @Test("an appended entry reads back with its id, newest first")
    func appendAndRead() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let first = try database.appendAudit(entry(entityId: "b-1"))
        let second = try database.appendAudit(entry(entityId: "b-2", after: #"{"status":"confirmed"}"#))
        #expect(first.id != nil && second.id != nil)
        #expect(try database.auditEntries(limit: 10) == [second, first])
        #expect(try database.auditEntries(limit: 1) == [second])
    }

    @Test("audit rows cannot be updated or deleted, even with raw SQL")
    func appendOnly() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let stored = try database.appendAudit(entry())
        for sql in ["UPDATE auditLog SET actor = 'mallory'", "DELETE FROM auditLog"] {
            let error = #expect(throws: DatabaseError.self) {
                try database.database.write { try $0.execute(sql: sql) }
            }
            #expect(error?.message?.contains("append-only") == true)
        }
        #expect(try database.auditEntries(limit: 10) == [stored])
    }

    @Test(
        "hostile strings are stored verbatim",
        arguments: [
            #"O'Brien "quoted" \backslash"#,
            "'; DROP TABLE auditLog; --",
            "Ehpad Les Tilleuls 🏥 é\u{301} \r\n\t",
            String(repeating: "x", count: 1_048_576),
        ])
    func hostileStrings(_ text: String) throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let json = String(decoding: try JSONEncoder().encode(["note": text + "\u{0}"]), as: UTF8.self)
        let stored = try database.appendAudit(entry(actor: text, entityId: text, after: json))
        let read = try #require(try database.auditEntries(limit: 1).first)
        #expect(read == stored)
        #expect(read.actor == text)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(try #require(read.after).utf8))
        #expect(decoded["note"] == text + "\u{0}")
    }

    @Test("a raw NUL character is refused with a typed error instead of being cut by SQLite")
    func nulIsRefused() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(throws: StoreError.invalidText(field: "actor")) {
            try database.appendAudit(entry(actor: "eve\u{0}hidden"))
        }
        #expect(try database.auditEntries(limit: 10).isEmpty)
    }

    @Test("a before or after payload that is not JSON is refused")
    func invalidJSONIsRefused() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(throws: StoreError.invalidJSON(field: "after")) {
            try database.appendAudit(entry(after: "{not json"))
        }
        #expect(try database.auditEntries(limit: 10).isEmpty)
    }
}
