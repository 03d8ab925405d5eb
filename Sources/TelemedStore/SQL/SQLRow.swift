import Foundation

/// One row of a query's result, read by column name (case-insensitive, as SQLite and PostgreSQL's
/// unquoted names are) or by position.
struct SQLRow: Sendable {
    /// The result's column names, shared by its rows.
    struct Columns: Sendable {
        let names: [String]
        let positions: [String: Int]

        init(_ names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            for (index, name) in names.enumerated() where positions[name.lowercased()] == nil {
                positions[name.lowercased()] = index
            }
            self.positions = positions
        }

        func position(of name: String) -> Int? { positions[name] ?? positions[name.lowercased()] }
    }

    let columns: Columns
    let values: [SQLValue]

    var count: Int { values.count }

    func value(_ column: String) -> SQLValue? { columns.position(of: column).map { values[$0] } }

    /// The column's value as `Value`; throws when the column is missing or holds another type.
    func decode<Value: SQLValueConvertible>(_ type: Value.Type = Value.self, _ column: String) throws -> Value {
        guard let value = value(column) else { throw SQLError.missingColumn(column) }
        guard let decoded = Value.fromSQL(value) else {
            throw SQLError.typeMismatch(column: column, expected: "\(Value.self)", found: value)
        }
        return decoded
    }

    /// ``decode(_:_:)`` with the type inferred from the context.
    func decode<Value: SQLValueConvertible>(_ column: String) throws -> Value { try decode(Value.self, column) }

    func decode<Value: SQLValueConvertible>(_ type: Value.Type = Value.self, at index: Int) throws -> Value {
        guard values.indices.contains(index) else { throw SQLError.missingColumn("#\(index)") }
        guard let decoded = Value.fromSQL(values[index]) else {
            throw SQLError.typeMismatch(column: columns.names[index], expected: "\(Value.self)", found: values[index])
        }
        return decoded
    }

    /// `decode`, for the rows the store wrote itself, where a mismatch is a programming error.
    subscript<Value: SQLValueConvertible>(_ column: String) -> Value {
        do { return try decode(Value.self, column) } catch { preconditionFailure("\(error)") }
    }
}

/// What goes wrong between the store's SQL and a backend.
enum SQLError: Error, CustomStringConvertible {
    case missingColumn(String)
    case typeMismatch(column: String, expected: String, found: SQLValue)
    /// An update found no row with the record's key.
    case noRow(table: String)
    /// The backend refused the statement; `message` is its own words.
    case statementFailed(sql: String, message: String)

    var description: String {
        switch self {
        case .missingColumn(let column): "the result has no column \(column)"
        case .typeMismatch(let column, let expected, let found): "column \(column) holds \(found), not a \(expected)"
        case .noRow(let table): "no row of \(table) has that key"
        case .statementFailed(let sql, let message): "\(message) (in: \(sql))"
        }
    }
}
