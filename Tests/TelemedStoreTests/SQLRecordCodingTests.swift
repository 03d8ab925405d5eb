import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// The store's records read and written through the SQL layer's coding must give back the very
/// columns they were read from (those GRDB's `Codable` records wrote before the SQL layer), so a
/// SQLite file written by an earlier build reads the same, and PostgreSQL holds the same text.
@Suite("SQL record coding round-trips the stored columns")
struct SQLRecordCodingTests {
    @Test(
        "every stored row decodes and encodes back to the same columns",
        arguments: [StoreFixture.smallScenarioURL, StoreFixture.demoScenarioURL])
    func sameColumns(_ url: URL) throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(try ScenarioCoder.load(contentsOf: url), actor: "test")
        var checked = 0
        func check<Record: StoreRecord>(_ type: Record.Type) throws {
            try database.writer.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(Record.databaseTableName)")
                let connection = GRDBConnection(db: db)
                let sqlRows = try connection.fetchAll(sql: "SELECT * FROM \(Record.databaseTableName)")
                #expect(rows.count == sqlRows.count)
                for (row, sqlRow) in zip(rows, sqlRows) {
                    let record = try Record(row: sqlRow)
                    let ours = Dictionary(uniqueKeysWithValues: try record.columnValues().map { ($0.name, $0.value) })
                    for (column, value) in row {
                        if let encoded = ours[column] {
                            #expect(encoded == Self.value(value), "\(Record.databaseTableName).\(column)")
                        }
                    }
                    checked += 1
                }
            }
        }
        try check(ScenarioSettingsRecord.self)
        try check(SiteRecord.self)
        try check(SpecialistRecord.self)
        try check(SpecialistWindowRecord.self)
        try check(SpecialistExceptionRecord.self)
        try check(UnitRecord.self)
        try check(RecurringStopRecord.self)
        try check(RequestRecord.self)
        try check(BookingRecord.self)
        try check(UnitDayRecord.self)
        try check(UnitVisitRecord.self)
        #expect(checked > 0)
    }

    @Test("a text holding NUL is refused with its table and column")
    func nul() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let site = StoreFixture.scenario().sites[0]
        var record = SiteRecord(site, position: 0)
        record.name = "bad\u{0}name"
        #expect(throws: StoreError.invalidText(field: "sites.name")) {
            try database.database.write { db in try record.insert(db) }
        }
    }

    static func value(_ value: (any DatabaseValueConvertible)?) -> SQLValue {
        switch (value?.databaseValue ?? .null).storage {
        case .null: .null
        case .int64(let integer): .integer(integer)
        case .double(let real): .real(real)
        case .string(let text): .text(text)
        case .blob(let data): .blob(data)
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue { Self.value(value as (any DatabaseValueConvertible)?) }
}
