import Foundation
import GRDB
import TelemedTestSupport
import Testing

@testable import TelemedStore

/// PostgreSQL's schema must hold what SQLite's holds, column for column, so one set of queries
/// runs on both; and keep SQLite's guarantees (append-only audit log, entity generation, checks).
@Suite("PostgreSQL schema")
struct PostgresSchemaTests {
    static func migratedPool() throws -> PostgresPool {
        let pool = try PostgresPool(PostgresLocation(try PostgresTestCluster.shared().makeDatabase("schema")))
        try PostgresMigrator.migrate(pool)
        return pool
    }

    struct Column: Hashable, CustomStringConvertible {
        var table: String
        var name: String
        var notNull: Bool
        var description: String { "\(table).\(name)\(notNull ? " NOT NULL" : "")" }
    }

    @Test("the same tables, columns, nullability and indexes as SQLite's")
    func sameShape() throws {
        let sqlite = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let (sqliteColumns, sqliteIndexes) = try sqlite.writer.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT IN ('grdb_migrations', 'sqlite_sequence')
                    """)
            var columns: Set<Column> = []
            for table in tables {
                for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
                    let primaryKey: Int = row["pk"]
                    let notNull: Bool = row["notnull"]
                    // SQLite lets a non-integer primary key hold NULL unless declared NOT NULL;
                    // PostgreSQL's never can: compare what the schema promises.
                    columns.insert(
                        Column(
                            table: table.lowercased(), name: (row["name"] as String).lowercased(),
                            notNull: notNull || primaryKey > 0))
                }
            }
            let indexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            return (columns, Set(indexes.map { $0.lowercased() }))
        }
        let pool = try Self.migratedPool()
        let (postgresColumns, postgresIndexes) = try pool.withConnection { db in
            let columns = try db.fetchAll(
                sql: """
                    SELECT table_name, column_name, is_nullable FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name <> 'telemed_migrations'
                    """
            ).map { row in
                Column(
                    table: try row.decode(String.self, "table_name"), name: try row.decode(String.self, "column_name"),
                    notNull: try row.decode(String.self, "is_nullable") == "NO")
            }
            // Indexes made by PRIMARY KEY and UNIQUE constraints are SQLite's autoindexes: left out on both.
            let indexes = try db.fetchAll(
                String.self,
                sql: """
                    SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
                    AND indexname NOT IN (SELECT conname FROM pg_constraint)
                    """)
            return (Set(columns), Set(indexes))
        }
        // The outbox's insertion order: SQLite's rowid, a column PostgreSQL does not have.
        let sequence = Column(table: "outbox", name: "seq", notNull: true)
        #expect(postgresColumns.subtracting(sqliteColumns) == [sequence], "only in PostgreSQL")
        #expect(sqliteColumns.subtracting(postgresColumns).isEmpty, "only in SQLite")
        #expect(postgresIndexes == sqliteIndexes)
    }

    @Test("the audit log refuses UPDATE and DELETE, and checks hold")
    func guarantees() throws {
        let pool = try Self.migratedPool()
        try pool.withConnection { db in
            try db.execute(
                sql: """
                    INSERT INTO auditLog (occurredAt, actor, action, entityKind, entityId, after)
                    VALUES (?, 'test', 'token.create', 'apiToken', '1', '{"role":"admin"}')
                    """, arguments: [Date(timeIntervalSince1970: 0)])
            #expect(throws: PostgresStatementError.self) { try db.execute(sql: "UPDATE auditLog SET actor = 'forger'") }
            #expect(throws: PostgresStatementError.self) { try db.execute(sql: "DELETE FROM auditLog") }
            #expect(try db.fetchOne(String.self, sql: "SELECT actor FROM auditLog") == "test")
            // Checks as SQLite's: JSON columns hold JSON, token hashes are 64 hex digits.
            #expect(throws: PostgresStatementError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO auditLog (occurredAt, actor, action, entityKind, entityId, after)
                        VALUES ('2027-01-01 00:00:00.000', 'test', 'x', 'x', '1', '{not json')
                        """)
            }
            #expect(throws: PostgresStatementError.self) {
                try db.execute(
                    sql: "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES ('abc', 'admin', '2027-01-01')")
            }
            try db.execute(
                sql: "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES (?, 'site:E-1', '2027-01-01')",
                arguments: [String(repeating: "a", count: 64)])
            #expect(
                try db.fetchOne(Int.self, sql: "SELECT windowWeeks FROM planningWindow") == SchemaV9.defaultWindowWeeks)
        }
    }

    @Test("a change to an entity table raises the entity generation")
    func entityGeneration() throws {
        let pool = try Self.migratedPool()
        try pool.withConnection { db in
            let before = try db.fetchOne(Int.self, sql: "SELECT value FROM entityGeneration")
            try db.execute(sql: "INSERT INTO zones (name, position, kind, communes) VALUES ('Z', 0, 'zrr', '[]')")
            try db.execute(sql: "UPDATE zones SET position = 1")
            #expect(try db.fetchOne(Int.self, sql: "SELECT value FROM entityGeneration") == (before ?? -10) + 2)
        }
    }

    @Test("replicas migrating at once migrate once; a newer database is refused")
    func concurrentMigrations() async throws {
        let address = try PostgresTestCluster.shared().makeDatabase("migrate")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { try PostgresMigrator.migrate(try PostgresPool(PostgresLocation(address))) }
            }
            try await group.waitForAll()
        }
        let pool = try PostgresPool(PostgresLocation(address))
        try pool.withConnection { db in
            #expect(
                try db.fetchAll(String.self, sql: "SELECT identifier FROM telemed_migrations ORDER BY identifier")
                    == PostgresMigrator.migrations.map(\.identifier))
            try db.execute(sql: "INSERT INTO telemed_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(
            throws: StoreError.newerDatabase(
                path: try PostgresLocation(address).description, unknownMigrations: ["v99-future"])
        ) {
            try PostgresMigrator.migrate(pool)
        }
    }
}
