import Foundation

/// A row type of the store: a table's name, and how a value becomes columns and back. `Codable`
/// records get both from ``SQLRowDecoder`` and ``SQLRowEncoder``; a record read on every
/// confirmation writes its own for speed.
protocol SQLRecord {
    static var databaseTableName: String { get }
    /// The columns of the table's primary key (`id` unless the record says otherwise).
    static var primaryKeyColumns: [String] { get }
    init(row: SQLRow) throws
    /// The record's columns, in the table's order where it matters to no one but the reader.
    func columnValues() throws -> [(name: String, value: SQLValue)]
}

extension SQLRecord where Self: Decodable {
    init(row: SQLRow) throws { try self.init(from: SQLRowDecoder(row: row)) }
}

extension SQLRecord where Self: Encodable {
    func columnValues() throws -> [(name: String, value: SQLValue)] { try SQLRowEncoder.columns(of: self) }
}

extension SQLRecord {
    static var primaryKeyColumns: [String] { ["id"] }

    /// The record whose primary key (one column) is `key`.
    static func fetchOne(_ db: any SQLConnection, key: some SQLValueConvertible) throws -> Self? {
        try fetchOne(
            db, sql: "SELECT * FROM \(databaseTableName) WHERE \(primaryKeyColumns[0]) = ?", arguments: [key])
    }

    static func exists(_ db: any SQLConnection, key: some SQLValueConvertible) throws -> Bool {
        try db.fetchOne(sql: "SELECT 1 FROM \(databaseTableName) WHERE \(primaryKeyColumns[0]) = ?", arguments: [key])
            != nil
    }

    /// Inserts the record, or replaces every other column of the row with the same primary key.
    func upsert(_ db: any SQLConnection) throws {
        let columns = try checkedColumns()
        let keys = Self.primaryKeyColumns
        let updates = columns.map(\.name).filter { !keys.contains($0) }.map(Self.quotedIfReserved).map {
            "\($0) = excluded.\($0)"
        }
        let sql =
            Self.insertSQL(columns.map(\.name)) + " ON CONFLICT (\(keys.joined(separator: ", "))) "
            + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
        try db.execute(sql: sql, arguments: SQLArguments(columns.map(\.value)))
    }

    /// Every row of the table, in primary-key order (so both backends return them alike).
    static func fetchAll(_ db: any SQLConnection) throws -> [Self] {
        try fetchAll(
            db, sql: "SELECT * FROM \(databaseTableName) ORDER BY \(primaryKeyColumns.joined(separator: ", "))")
    }

    static func fetchAll(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        var records: [Self] = []
        try db.forEachRow(sql: sql, arguments: arguments) { records.append(try Self(row: $0)) }
        return records
    }

    static func fetchOne(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.fetchOne(sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    /// Inserts the record; refuses text holding NUL (SQLite's C API would cut it there and
    /// PostgreSQL refuses it) with ``StoreError/invalidText(field:)``.
    func insert(_ db: any SQLConnection) throws {
        let columns = try checkedColumns()
        try db.execute(sql: Self.insertSQL(columns.map(\.name)), arguments: SQLArguments(columns.map(\.value)))
    }

    /// Writes every other column of the row with the record's primary key; throws
    /// ``SQLError/noRow(table:)`` when there is none.
    func update(_ db: any SQLConnection) throws {
        let columns = try checkedColumns()
        let keys = Self.primaryKeyColumns
        let assignments = columns.filter { !keys.contains($0.name) }
        let keyValues = keys.map { key in columns.first { $0.name == key }?.value ?? .null }
        let sql =
            "UPDATE \(Self.databaseTableName) SET "
            + assignments.map { "\(Self.quotedIfReserved($0.name)) = ?" }.joined(separator: ", ") + " WHERE "
            + keys.map { "\($0) = ?" }.joined(separator: " AND ")
        let changed = try db.execute(sql: sql, arguments: SQLArguments(assignments.map(\.value) + keyValues))
        guard changed == 1 else { throw SQLError.noRow(table: Self.databaseTableName) }
    }

    /// Inserts the record without its `id` column and returns the id the database gave it.
    func insertReturningID(_ db: any SQLConnection) throws -> Int64 {
        let columns = try checkedColumns().filter { $0.name != "id" }
        let sql = Self.insertSQL(columns.map(\.name)) + " RETURNING id"
        guard let id = try db.fetchOne(Int64.self, sql: sql, arguments: SQLArguments(columns.map(\.value))) else {
            throw SQLError.missingColumn("id")
        }
        return id
    }

    /// Throws ``StoreError/invalidText(field:)`` when a text column holds NUL: before a lookup by
    /// such a value, which PostgreSQL refuses outright.
    func checkTexts() throws { _ = try checkedColumns() }

    private func checkedColumns() throws -> [(name: String, value: SQLValue)] {
        let columns = try columnValues()
        for column in columns {
            if case .text(let text) = column.value, text.utf8.contains(0) {
                throw StoreError.invalidText(field: "\(Self.databaseTableName).\(column.name)")
            }
        }
        return columns
    }

    private static func insertSQL(_ names: [String]) -> String {
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        let columns = names.map(quotedIfReserved).joined(separator: ", ")
        return "INSERT INTO \(databaseTableName) (\(columns)) VALUES (\(marks))"
    }

    static func quotedIfReserved(_ name: String) -> String { SQLName.quoted(name) }
}

/// Column names as the store's SQL writes them on both backends.
enum SQLName {
    /// `end`, the one column name PostgreSQL reserves, in quotes (lower case, so the quotes change
    /// nothing else); other names stay bare, as PostgreSQL folds them to the schema's lower case.
    static func quoted(_ name: String) -> String { name == "end" ? "\"end\"" : name }
}
