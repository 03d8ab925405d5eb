import Foundation
import Logging
import NIOCore
import PostgresNIO

/// ``SQLConnection`` on one PostgreSQL connection. The store's methods are synchronous, as GRDB's
/// are, so each statement waits for its answer on the calling thread (never an event loop's).
struct PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger

    var dialect: SQLDialect { .postgres }

    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return }
        let columns = SQLRow.Columns(first.map(\.columnName))
        for row in result.rows { try body(try Self.row(row, columns)) }
    }

    func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow? {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return nil }
        return try Self.row(first, SQLRow.Columns(first.map(\.columnName)))
    }

    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        try execute(sql: "SAVEPOINT telemed_savepoint")
        do {
            let result = try body()
            try execute(sql: "RELEASE SAVEPOINT telemed_savepoint")
            return result
        } catch {
            try execute(sql: "ROLLBACK TO SAVEPOINT telemed_savepoint")
            try execute(sql: "RELEASE SAVEPOINT telemed_savepoint")
            throw error
        }
    }

    /// Runs several `;`-separated statements without arguments (a migration's script), one by one.
    func executeScript(_ sql: String) throws {
        for statement in PostgresScript.statements(sql) { try execute(sql: statement) }
    }

    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        let numbered = PostgresPlaceholders.numbered(sql)
        guard numbered.count == arguments.values.count else {
            throw SQLError.statementFailed(
                sql: sql, message: "\(numbered.count) placeholders but \(arguments.values.count) arguments")
        }
        // PostgreSQL refuses NUL in text outright; the store's own check names the field where it can.
        if arguments.values.contains(where: { if case .text(let text) = $0 { text.utf8.contains(0) } else { false } }) {
            throw StoreError.invalidText(field: "value")
        }
        var binds = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value {
            // Untyped: the server infers the column's type, as it does for a literal.
            case .null: binds.appendNull()
            case .integer(let integer): binds.append(integer, context: .default)
            case .real(let real): binds.append(real, context: .default)
            case .text(let text): binds.append(text, context: .default)
            case .blob(let data): binds.append(ByteBuffer(bytes: data), context: .default)
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: numbered.sql, binds: binds), logger: logger).wait()
        } catch let error as PSQLError {
            throw PostgresStatementError(error, sql: sql)
        }
    }

    private static func row(_ row: PostgresRow, _ columns: SQLRow.Columns) throws -> SQLRow {
        var values: [SQLValue] = []
        for cell in row { values.append(try value(cell)) }
        return SQLRow(columns: columns, values: values)
    }

    /// Maps a cell to the storage classes the store reads; booleans become 0/1 and numerics the
    /// integer or real they hold (an aggregate such as SUM returns numeric).
    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea: return .blob(try cell.decode(Data.self))
        case .numeric:
            let decimal = try cell.decode(Decimal.self)
            let real = NSDecimalNumber(decimal: decimal).doubleValue
            if real.rounded() == real, abs(real) < 9.2e18 { return .integer(Int64(real)) }
            return .real(real)
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A statement PostgreSQL refused, with its SQLSTATE so callers can tell a serialization failure
/// (retry the transaction) from a broken constraint.
struct PostgresStatementError: Error, CustomStringConvertible {
    /// `40001` serialization failure, `40P01` deadlock, `23505` unique violation…
    let sqlState: String?
    let message: String
    let sql: String

    init(_ error: PSQLError, sql: String) {
        sqlState = error.serverInfo?[.sqlState]
        message = error.serverInfo?[.message] ?? String(reflecting: error)
        self.sql = sql
    }

    /// The transaction lost a race with another one and may be run again from the start.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// Whether `error` is such a lost race: code that catches errors inside a transaction (one
    /// booking of a group commit refused, the others kept) must let it through, so the whole
    /// transaction runs again.
    static func abortsTransaction(_ error: any Error) -> Bool { (error as? Self)?.isRetryable == true }

    var description: String { "PostgreSQL refused a statement: \(message) [\(sqlState ?? "no SQLSTATE")] (in: \(sql))" }
}
