import Foundation
import GRDB
import TelemedTestSupport
import Testing

@testable import TelemedStore

/// The SQL layer both stores run on: the same statements and arguments must give the same rows on
/// SQLite (GRDB) and on PostgreSQL, and a write must behave as if it ran alone.
@Suite("SQL layer on SQLite and PostgreSQL")
struct SQLLayerTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static func database(_ backend: Backend) throws -> any SQLDatabase {
        switch backend {
        case .sqlite:
            return GRDBDatabase(writer: try DatabaseQueue())
        case .postgres:
            let address = try PostgresTestCluster.shared().makeDatabase("sql")
            return PostgresStoreDatabase(pool: try PostgresPool(PostgresLocation(address)))
        }
    }

    static func createTable(_ database: any SQLDatabase) throws {
        let (integer, real, blob) =
            database.dialect == .sqlite ? ("INTEGER", "REAL", "BLOB") : ("BIGINT", "DOUBLE PRECISION", "BYTEA")
        try database.write { db in
            try db.execute(
                sql: "CREATE TABLE sample (id INTEGER PRIMARY KEY, i \(integer), r \(real), s TEXT, b \(blob))")
        }
    }

    @Test("values come back as they were written", arguments: Backend.allCases)
    func roundTrip(_ backend: Backend) throws {
        let database = try Self.database(backend)
        try Self.createTable(database)
        let hostile = "O'Brien \"?\" ; DROP TABLE sample; --\r\nnext line ? é"
        let instant = Date(timeIntervalSince1970: 1_798_761_600.123)
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO sample (id, i, r, s, b) VALUES (?, ?, ?, ?, ?)",
                arguments: [1, Int64.max, 0.1, hostile, Data([0, 1, 255])])
            try db.execute(
                sql: "INSERT INTO sample (id, i, r, s, b) VALUES (?, ?, ?, ?, ?)",
                arguments: [2, nil as Int?, nil as Double?, instant, nil as Data?])
        }
        let rows = try database.read { db in try db.fetchAll(sql: "SELECT * FROM sample ORDER BY id") }
        #expect(rows.count == 2)
        #expect(try rows[0].decode(Int64.self, "i") == Int64.max)
        #expect(try rows[0].decode(Double.self, "r") == 0.1)
        #expect(try rows[0].decode(String.self, "s") == hostile)
        #expect(try rows[0].decode(Data.self, "b") == Data([0, 1, 255]))
        #expect(try rows[1].decode(Int?.self, "i") == nil)
        #expect(try rows[1].decode(Date.self, "s") == instant)
        #expect(try rows[1].decode(String.self, "s") == "2027-01-01 00:00:00.123")
        // Column names are case-insensitive, as unquoted names are on PostgreSQL.
        #expect(try rows[0].decode(Int.self, "ID") == 1)
        // Aggregates: COUNT and SUM read as integers on both.
        let sums = try database.read { db in try db.fetchOne(sql: "SELECT COUNT(*) AS n, SUM(id) AS total FROM sample")
        }
        #expect(try sums?.decode(Int.self, "n") == 2)
        #expect(try sums?.decode(Int.self, "total") == 3)
        // A placeholder-looking character in a literal is text, on both.
        let literal = try database.read { db in
            try db.fetchOne(String.self, sql: "SELECT s FROM sample WHERE s <> '?' AND id = ?", arguments: [1])
        }
        #expect(literal == hostile)
    }

    @Test("a write that throws leaves nothing behind", arguments: Backend.allCases)
    func rollback(_ backend: Backend) throws {
        struct Refused: Error {}
        let database = try Self.database(backend)
        try Self.createTable(database)
        #expect(throws: Refused.self) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO sample (id) VALUES (?)", arguments: [1])
                throw Refused()
            }
        }
        #expect(try database.read { db in try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM sample") } == 0)
        // A statement the backend refuses rolls back the whole transaction too.
        #expect(throws: (any Error).self) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO sample (id) VALUES (?)", arguments: [2])
                try db.execute(sql: "INSERT INTO sample (id) VALUES (?)", arguments: [2])
            }
        }
        #expect(try database.read { db in try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM sample") } == 0)
    }

    /// Read-modify-write from many threads at once: each write must see the others' commits, as with
    /// SQLite's single writer. Under PostgreSQL's default READ COMMITTED, increments are lost.
    @Test("concurrent read-modify-write loses no update", arguments: Backend.allCases)
    func serializableWrites(_ backend: Backend) async throws {
        let database = try Self.database(backend)
        try Self.createTable(database)
        try await database.write { db in try db.execute(sql: "INSERT INTO sample (id, i) VALUES (1, 0)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<25 {
                        try database.write { db in
                            let value = try db.fetchOne(Int.self, sql: "SELECT i FROM sample WHERE id = 1") ?? 0
                            try db.execute(sql: "UPDATE sample SET i = ? WHERE id = 1", arguments: [value + 1])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try database.read { db in try db.fetchOne(Int.self, sql: "SELECT i FROM sample WHERE id = 1") } == 200)
    }

    @Test("instants are GRDB's text, to the millisecond, in time order")
    func instants() throws {
        let queue = try DatabaseQueue()
        for seconds in [0, 1_798_761_600.123, 1_798_761_600.9995, -86_400.5, 4_102_444_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            let grdb = try queue.read { db in try String.fetchOne(db, sql: "SELECT ?", arguments: [date]) }
            #expect(SQLInstant.text(date) == grdb)
            let back = try #require(SQLInstant.date(SQLInstant.text(date)))
            #expect(SQLInstant.text(back) == SQLInstant.text(date))
        }
        #expect(SQLInstant.date("2027-02-30 10:00") == nil)
        #expect(SQLInstant.date("2027-13-01 10:00:00.000") == nil)
        #expect(SQLInstant.date("2027-01-01 24:00:00.000") == nil)
        #expect(SQLInstant.date("2027-01-01T10:00:00.5") == Date(timeIntervalSince1970: 1_798_797_600.5))
        #expect(SQLInstant.date("not a date") == nil)
    }

    @Test("placeholders are numbered outside literals, names and comments")
    func placeholders() {
        let (sql, count) = PostgresPlaceholders.numbered(
            "SELECT '?', \"a?\" FROM t -- why?\nWHERE a = ? /* ? */ AND b = 'it''s ?' AND c = ?")
        #expect(sql == "SELECT '?', \"a?\" FROM t -- why?\nWHERE a = $1 /* ? */ AND b = 'it''s ?' AND c = $2")
        #expect(count == 2)
        #expect(PostgresPlaceholders.numbered("a - b / c ?").sql == "a - b / c $1")
    }

    @Test("a script is cut at semicolons outside quotes and function bodies")
    func script() {
        let statements = PostgresScript.statements(
            """
            CREATE TABLE a (x TEXT CHECK (x <> ';'));
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no; never'; END $$;
            INSERT INTO a VALUES ('it''s; fine');
            """)
        #expect(
            statements == [
                "CREATE TABLE a (x TEXT CHECK (x <> ';'))",
                "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no; never'; END $$",
                "INSERT INTO a VALUES ('it''s; fine')",
            ])
    }
}
