import Foundation
import GRDB
import Testing

@testable import TelemedStore

@Suite("Schema v2")
struct SchemaTests {
    private func queryPlan(_ sql: String) throws -> String {
        try TelemedDatabase.inMemory(clock: StoreFixture.clock).writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(
                separator: "\n")
        }
    }

    @Test(
        "the server's booking queries use an index",
        arguments: [
            ("SELECT * FROM bookings WHERE siteId = 'A' AND start >= '2027' AND start < '2028'", "bookings_site_time"),
            (
                "SELECT * FROM bookings WHERE specialistId = 'S' AND start >= '2027' AND start < '2028'",
                "bookings_specialist_time"
            ),
            (
                "SELECT * FROM bookings WHERE hostUnitId = 'U' AND start >= '2027' AND start < '2028'",
                "bookings_unit_time"
            ),
            ("SELECT * FROM bookings WHERE requestId = 'R'", "bookings_on_requestId"),
            ("SELECT * FROM requests WHERE patientRef = 'P'", "requests_on_patientRef"),
            ("SELECT role FROM apiTokens WHERE tokenHash = 'h'", "sqlite_autoindex_apiTokens"),
            ("SELECT * FROM unitVisits WHERE unitId = 'U' AND date = '2027-01-04'", "sqlite_autoindex_unitVisits"),
        ])
    func indexes(_ query: String, _ index: String) throws {
        let plan = try queryPlan(query)
        #expect(plan.contains(index), "\(plan)")
    }

    @Test("a booking row refuses an unknown status, an empty interval and a dangling request")
    func bookingChecks() throws {
        let (database, _) = try StoreFixture.database()
        let insert = """
            INSERT INTO bookings (id, position, requestId, specialistId, siteId, start, "end", status, version)
            VALUES (?, 99, ?, 'SP-1', 'A', '2027-01-04 09:00:00.000', ?, ?, 1)
            """
        for arguments: StatementArguments in [
            ["X1", "R-1", "2027-01-04 09:30:00.000", "pending"],
            ["X2", "R-1", "2027-01-04 09:00:00.000", "proposed"],
            ["X3", "R-404", "2027-01-04 09:30:00.000", "proposed"],
        ] {
            #expect(throws: DatabaseError.self) {
                try database.writer.write { try $0.execute(sql: insert, arguments: arguments) }
            }
        }
    }

    @Test("crew-only bookings fit: the specialist column is nullable, requests have a load")
    func parallelChangesFit() throws {
        let columns = try TelemedDatabase.inMemory(clock: StoreFixture.clock).writer.read { db in
            (try db.columns(in: "bookings"), try db.columns(in: "requests"), try db.columns(in: "sites"))
        }
        #expect(columns.0.first { $0.name == "specialistId" }?.isNotNull == false)
        #expect(columns.1.contains { $0.name == "load" })
        #expect(columns.2.contains { $0.name == "openings" })
    }

    @Test("API tokens only accept a SHA-256 hex hash and a known role shape")
    func tokenChecks() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let insert = "INSERT INTO apiTokens (tokenHash, role, createdAt) VALUES (?, ?, '2027-01-01 00:00:00.000')"
        let hash = String(repeating: "a", count: 64)
        try database.writer.write { try $0.execute(sql: insert, arguments: [hash, "site:E-58-0001"]) }
        for arguments: StatementArguments in [
            ["plain-token-value", "admin"], [String(repeating: "b", count: 64), "root"],
            [String(repeating: "c", count: 64), "site:"],
        ] {
            #expect(throws: DatabaseError.self) {
                try database.writer.write { try $0.execute(sql: insert, arguments: arguments) }
            }
        }
    }
}
