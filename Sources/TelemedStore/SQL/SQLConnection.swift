import Foundation

/// The arguments of one statement, bound in order to its `?` placeholders.
struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    var values: [SQLValue]

    init(_ values: [SQLValue] = []) { self.values = values }
    init(_ values: [any SQLValueConvertible]) { self.values = values.map(\.sqlValue) }
    init(arrayLiteral elements: (any SQLValueConvertible)...) { values = elements.map(\.sqlValue) }

    mutating func append(_ value: some SQLValueConvertible) { values.append(value.sqlValue) }
    mutating func append(contentsOf other: SQLArguments) { values += other.values }
}

/// Which SQL a backend speaks, for the few expressions the two write differently.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// Whole days from the local date `from` to the local date `to` (both `YYYY-MM-DD` text).
    func daysBetween(_ from: String, _ to: String) -> String {
        switch self {
        case .sqlite: "CAST(round(julianday(\(to)) - julianday(\(from))) AS INTEGER)"
        case .postgres: "(CAST(\(to) AS date) - CAST(\(from) AS date))"
        }
    }

    /// The column that orders a table's rows as they were inserted, where no column of its own
    /// does (the outbox's events): SQLite's `rowid`, PostgreSQL's `seq` identity column.
    var insertionOrder: String {
        switch self {
        case .sqlite: "rowid"
        case .postgres: "seq"
        }
    }

    /// The text of the top-level `key` of a JSON text column.
    func jsonText(_ column: String, key: String) -> String {
        switch self {
        case .sqlite: "json_extract(\(column), '$.\(key)')"
        case .postgres: "(CAST(\(column) AS jsonb) ->> '\(key)')"
        }
    }
}

/// A connection inside a transaction or a read: what the store's SQL runs on. Statements use `?`
/// placeholders on both backends (the PostgreSQL one numbers them).
protocol SQLConnection {
    var dialect: SQLDialect { get }

    /// Runs a statement that returns no rows; the rows it inserted, updated or deleted.
    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int

    /// Runs a query and hands each row to `body`, in order.
    func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws

    /// The query's first row, if any, without reading the others.
    func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLRow?

    /// Runs `body` in a savepoint: when it throws, its writes are rolled back and the enclosing
    /// transaction goes on (on PostgreSQL too, where a failed statement otherwise aborts it).
    func inSavepoint<T>(_ body: () throws -> T) throws -> T
}

extension SQLConnection {
    @discardableResult
    func execute(sql: String) throws -> Int { try execute(sql: sql, arguments: []) }

    func fetchAll(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql: sql, arguments: arguments) { rows.append($0) }
        return rows
    }

    func fetchOne(sql: String) throws -> SQLRow? { try fetchOne(sql: sql, arguments: []) }

    /// The first column of every row.
    func fetchAll<Value: SQLValueConvertible>(
        _ type: Value.Type, sql: String, arguments: SQLArguments = []
    ) throws -> [Value] {
        var values: [Value] = []
        try forEachRow(sql: sql, arguments: arguments) { values.append(try $0.decode(Value.self, at: 0)) }
        return values
    }

    /// The first column of the first row; nil when there is no row or it is NULL.
    func fetchOne<Value: SQLValueConvertible>(
        _ type: Value.Type, sql: String, arguments: SQLArguments = []
    ) throws -> Value? {
        try fetchOne(sql: sql, arguments: arguments).flatMap { try $0.decode(Value?.self, at: 0) }
    }
}
