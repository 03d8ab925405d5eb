import Foundation
import GRDB

/// ``SQLConnection`` on a GRDB database connection (SQLite). Statements are prepared once per
/// connection and kept (GRDB's statement cache): the store's SQL texts are few and repeated.
struct GRDBConnection: SQLConnection {
    let db: Database

    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = SQLRow.Columns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        while let row = try cursor.next() {
            try body(Self.row(row, columns))
        }
    }

    func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow? {
        let statement = try db.cachedStatement(sql: sql)
        let columns = SQLRow.Columns(statement.columnNames)
        // The cursor must outlive the read of its row: its end resets the statement.
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        guard let row = try cursor.next() else { return nil }
        return Self.row(row, columns)
    }

    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }

    private static func row(_ row: Row, _ columns: SQLRow.Columns) -> SQLRow {
        let values = row.databaseValues.map { value -> SQLValue in
            switch value.storage {
            case .null: .null
            case .int64(let integer): .integer(integer)
            case .double(let real): .real(real)
            case .string(let text): .text(text)
            case .blob(let data): .blob(data)
            }
        }
        return SQLRow(columns: columns, values: Array(values))
    }

    static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(
            arguments.values.map { value -> DatabaseValue in
                switch value {
                case .null: .null
                case .integer(let integer): integer.databaseValue
                case .real(let real): real.databaseValue
                case .text(let text): text.databaseValue
                case .blob(let data): data.databaseValue
                }
            })
    }
}
