import Foundation

extension TelemedDatabase {
    /// What ``copy(to:)`` moved: rows per table.
    public struct CopyReport: Sendable, Equatable {
        public var rows: [String: Int] = [:]
        public var total: Int { rows.values.reduce(0, +) }
    }

    /// Copies every row of every table into `target`, a database that holds nothing yet (freshly
    /// migrated: no scenario, no audit entry), in one transaction of the target: a SQLite file
    /// moved into PostgreSQL (`telemed db copy`) keeps its ids, history and outbox. Parents before
    /// children (foreign keys), rows in their order of insertion; the target's identity sequences
    /// are moved past the copied ids. Both databases must be at the same schema version.
    ///
    /// ```swift
    /// let report = try TelemedDatabase.openFile(at: "telemed.sqlite", clock: .system)
    ///     .copy(to: try TelemedDatabase.open("postgres://telemed@db/telemed", clock: .system))
    /// ```
    @discardableResult
    public func copy(to target: TelemedDatabase) throws -> CopyReport {
        guard try !target.holdsScenario(), try target.auditEntries(limit: 1).isEmpty else {
            throw StoreError.copyTargetNotEmpty(target.name)
        }
        return try database.read { source in
            let tables = try Self.tablesInDependencyOrder(source)
            return try target.database.write { destination in
                var report = CopyReport()
                for table in tables {
                    report.rows[table.name] = try Self.copyRows(of: table, from: source, to: destination)
                }
                if destination.dialect == .postgres { try Self.moveIdentitiesPastCopiedIds(destination) }
                return report
            }
        }
    }

    /// Each identity column's sequence set to the largest id copied, so the next row gets the next.
    private static func moveIdentitiesPastCopiedIds(_ db: any SQLConnection) throws {
        let tables = try db.fetchAll(
            String.self,
            sql: """
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES' ORDER BY table_name
                """)
        for table in tables {
            _ = try db.fetchOne(
                sql: "SELECT setval(pg_get_serial_sequence(?, 'id'), MAX(id)) FROM \(table) HAVING COUNT(*) > 0",
                arguments: [table])
        }
    }

    private struct Table {
        var name: String
        var columns: [String]
        var parents: Set<String>
    }

    /// The source's tables (SQLite's own and GRDB's migration log left out), each after the
    /// tables its foreign keys name.
    private static func tablesInDependencyOrder(_ db: any SQLConnection) throws -> [Table] {
        guard db.dialect == .sqlite else { throw StoreError.copySourceNotSQLite }
        let names = try db.fetchAll(
            String.self,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name <> 'grdb_migrations' ORDER BY name
                """)
        var tables: [Table] = []
        for name in names {
            let columns = try db.fetchAll(sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
                .map { try $0.decode(String.self, "name") }
            let parents = try db.fetchAll(
                String.self, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name])
            tables.append(Table(name: name, columns: columns, parents: Set(parents).subtracting([name])))
        }
        var ordered: [Table] = []
        var placed: Set<String> = []
        while ordered.count < tables.count {
            let ready = tables.filter { !placed.contains($0.name) && $0.parents.isSubset(of: placed) }
            guard !ready.isEmpty else { throw StoreError.copySourceNotSQLite }
            for table in ready {
                ordered.append(table)
                placed.insert(table.name)
            }
        }
        return ordered
    }

    /// Copies one table's rows, several per statement; rows the target already holds (the
    /// one-row tables a migration fills) are replaced by the source's.
    private static func copyRows(of table: Table, from source: any SQLConnection, to destination: any SQLConnection)
        throws -> Int
    {
        // The outbox's insertion order is PostgreSQL's `seq`, given by the target as rows arrive.
        // (An upsert with several rows updating one key twice would fail: keys are unique here.)
        let columns = table.columns
        let names = columns.map(SQLName.quoted).joined(separator: ", ")
        let keys = try source.fetchAll(
            sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table.name]
        )
        .map { try $0.decode(String.self, "name") }
        let updates = columns.filter { !keys.contains($0) }.map {
            "\(SQLName.quoted($0)) = excluded.\(SQLName.quoted($0))"
        }
        let conflict =
            keys.isEmpty
            ? ""
            : " ON CONFLICT (\(keys.joined(separator: ", "))) "
                + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
        let batch = max(1, 20_000 / max(1, columns.count))
        var pending: [SQLValue] = []
        var count = 0
        func flush() throws {
            guard !pending.isEmpty else { return }
            let rows = pending.count / columns.count
            let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            let values = Array(repeating: row, count: rows).joined(separator: ", ")
            try destination.execute(
                sql: "INSERT INTO \(table.name) (\(names)) VALUES \(values)\(conflict)",
                arguments: SQLArguments(pending))
            pending = []
        }
        try source.forEachRow(sql: "SELECT \(names) FROM \(table.name) ORDER BY rowid", arguments: []) { row in
            pending += row.values
            count += 1
            if count % batch == 0 { try flush() }
        }
        try flush()
        return count
    }
}
