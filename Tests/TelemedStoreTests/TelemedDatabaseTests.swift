import Foundation
import GRDB
import Testing

@testable import TelemedStore

@Suite("TelemedDatabase")
struct TelemedDatabaseTests {
    @Test("a file database is created with its folder, in WAL mode, with foreign keys on")
    func fileDatabaseSettings() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let database = try TelemedDatabase.openFile(
            at: folder.path("nested", "deeper", "telemed.sqlite"), clock: StoreFixture.clock)
        let (journalMode, foreignKeys) = try database.database.read { db in
            (
                try db.fetchOne(String.self, sql: "PRAGMA journal_mode"),
                try db.fetchOne(Bool.self, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == true)
        #expect(FileManager.default.fileExists(atPath: folder.path("nested", "deeper", "telemed.sqlite")))
    }

    @Test("a database migrated by a newer build is refused and left untouched")
    func newerDatabaseIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock).writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        let error = #expect(throws: StoreError.self) {
            try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        }
        #expect(error == .newerDatabase(path: path, unknownMigrations: ["v99-future"]))
        #expect(error?.description.contains("newer version of telemed") == true)
        let queue = try DatabaseQueue(path: path)
        let identifiers = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(Set(identifiers) == Set(TelemedDatabase.migrator.migrations + ["v99-future"]))
    }

    @Test("an older database file is upgraded in place and keeps its rows")
    func olderDatabaseIsUpgraded() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        // A file from before the schema existed: only the migrations table, nothing applied.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "CREATE TABLE legacy (x INTEGER)")
            try db.execute(sql: "INSERT INTO legacy VALUES (7)")
        }
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try database.appendAudit(
            AuditEntry(
                occurredAt: StoreFixture.clock.now(), actor: "admin", action: "a", entityKind: "k", entityId: "1"))
        let reopened = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        #expect(try reopened.auditEntries(limit: 10).count == 1)
        #expect(try reopened.writer.read { try Int.fetchOne($0, sql: "SELECT x FROM legacy") } == 7)
        #expect(try reopened.writer.read { try TelemedDatabase.migrator.hasCompletedMigrations($0) })
    }

    @Test("a file made by the v1 build is upgraded to v2 in place and keeps its audit log")
    func v1FileIsUpgraded() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let queue = try DatabaseQueue(path: path, configuration: TelemedDatabase.makeConfiguration())
        try TelemedDatabase.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try AuditEntry(
                occurredAt: StoreFixture.clock.now(), actor: "admin", action: "a", entityKind: "k", entityId: "1"
            ).append(to: GRDBConnection(db: db))
        }
        try queue.close()
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        #expect(try database.auditEntries().map(\.actor) == ["admin"])
        try database.importScenario(StoreFixture.scenario(), actor: "admin")
        #expect(try database.exportScenario() == StoreFixture.scenario())
    }

    @Test("metadata values are replaced, not duplicated")
    func metadataRoundTrip() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(try database.metadataValue(forKey: "region") == nil)
        try database.setMetadataValue("27", forKey: "region")
        try database.setMetadataValue("BFC", forKey: "region")
        #expect(try database.metadataValue(forKey: "region") == "BFC")
    }
}
