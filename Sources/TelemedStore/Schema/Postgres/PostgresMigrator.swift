import Foundation

/// PostgreSQL's schema history, named as SQLite's (``TelemedDatabase/migrator``): a migration added
/// for one store is added for the other under the same identifier. The first, `v18-campaigns`, is
/// the baseline (``PostgresSchemaV18``).
enum PostgresMigrator {
    static let migrations: [(identifier: String, sql: String)] = [
        ("v18-campaigns", PostgresSchemaV18.statements),
        ("v19-replicas", PostgresSchemaV19.statements),
    ]

    /// The advisory lock every migration run holds ("telemed" in ASCII): replicas that start
    /// together migrate one after the other, and the second finds nothing left to do.
    static let lockKey: Int64 = 0x74_65_6c_65_6d_65_64

    /// Applies the missing migrations in one transaction, under ``lockKey``; refuses a database
    /// that a newer build has migrated (``StoreError/newerDatabase(path:unknownMigrations:)``).
    static func migrate(_ pool: PostgresPool) throws {
        try pool.withConnection { connection in
            try connection.execute(sql: "BEGIN")
            do {
                try connection.execute(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [lockKey])
                try connection.execute(
                    sql: "CREATE TABLE IF NOT EXISTS telemed_migrations (identifier TEXT COLLATE \"C\" PRIMARY KEY)")
                let applied = Set(
                    try connection.fetchAll(String.self, sql: "SELECT identifier FROM telemed_migrations"))
                let unknown = applied.subtracting(migrations.map(\.identifier)).sorted()
                guard unknown.isEmpty else {
                    throw StoreError.newerDatabase(path: pool.location.description, unknownMigrations: unknown)
                }
                for migration in migrations where !applied.contains(migration.identifier) {
                    try connection.executeScript(migration.sql)
                    try connection.execute(
                        sql: "INSERT INTO telemed_migrations (identifier) VALUES (?)", arguments: [migration.identifier]
                    )
                }
                try connection.execute(sql: "COMMIT")
            } catch {
                _ = try? connection.execute(sql: "ROLLBACK")
                throw error
            }
        }
    }
}
