import Foundation
import GRDB
import Logging
import TelemedCore

/// TelemedStore: the booking database, a SQLite file through GRDB (the default) or PostgreSQL
/// shared by several replicas. `TelemedDatabase` owns the connections; every write is one method
/// running one transaction that keeps the invariants, and no SQL leaves this module.
///
/// Every method runs on the SQL layer both backends implement (``SQLDatabase``, through
/// `database`); only migrations and the backup speak to SQLite through GRDB directly.
///
/// ```swift
/// let database = try TelemedDatabase.openFile(at: "/var/lib/telemed/telemed.sqlite", clock: .system)
/// try database.appendAudit(AuditEntry(occurredAt: database.clock.now(), actor: "admin", action: "unit.create", entityKind: "unit", entityId: "u1"))
/// ```
public struct TelemedDatabase: Sendable {
    /// The SQL layer every moved method runs on.
    let database: any SQLDatabase
    /// SQLite's GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory); nil on
    /// PostgreSQL.
    let sqliteWriter: (any DatabaseWriter)?
    /// The GRDB writer of a SQLite database, for its backup (and tests of its migrations).
    var writer: any DatabaseWriter {
        get throws {
            guard let sqliteWriter else { throw StoreError.backupOnPostgres(name) }
            return sqliteWriter
        }
    }
    /// The file's path (or `:memory:`), for messages; its folder resolves a relative travel matrix.
    let name: String
    /// Entities kept between checked changes; see ``EntityCache``.
    let entityCache = EntityCache()
    /// Commits of this process, for ``recentChangeGeneration(tolerance:)``.
    let changeWatch: ChangeWatch
    /// On PostgreSQL, the other replicas' changes as they commit.
    let changeListener: PostgresChangeListener?
    /// Where every instant the store writes comes from (audit entries, tokens, applies, the roll).
    public let clock: ServiceClock

    /// Wraps a connection and migrates it, refusing a file a newer build has migrated.
    ///
    /// - important: Create the writer with ``makeConfiguration(_:)``.
    init(_ writer: any DatabaseWriter, name: String, clock: ServiceClock) throws {
        sqliteWriter = writer
        database = GRDBDatabase(writer: writer)
        changeWatch = ChangeWatch()
        changeListener = nil
        self.name = name
        self.clock = clock
        let migrator = Self.migrator
        let unknown = try writer.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        guard unknown.isEmpty else {
            throw StoreError.newerDatabase(path: name, unknownMigrations: unknown)
        }
        try migrator.migrate(writer)
        writer.add(transactionObserver: changeWatch, extent: .databaseLifetime)
    }

    /// Connects to a PostgreSQL database and migrates it (``PostgresMigrator``), refusing one a
    /// newer build has migrated.
    init(postgres location: PostgresLocation, clock: ServiceClock, maximumConnections: Int = 8) throws {
        let pool = try PostgresPool(location, maximumConnections: maximumConnections)
        try PostgresMigrator.migrate(pool)
        let watch = ChangeWatch()
        changeWatch = watch
        database = PostgresStoreDatabase(pool: pool, didWrite: { watch.noteChange() })
        changeListener = PostgresChangeListener(
            pool: pool, logger: Logger(label: "telemed.postgres"), onChange: { watch.noteChange() })
        sqliteWriter = nil
        name = location.description
        self.clock = clock
    }

    /// Opens `location`: a `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]` address connects
    /// to PostgreSQL (the password may come from `PGPASSWORD` in `environment`) and migrates it; any
    /// other text is the path of a SQLite file, opened or created.
    ///
    /// ```swift
    /// let database = try TelemedDatabase.open("postgres://telemed@db.internal/telemed", clock: .system)
    /// ```
    public static func open(
        _ location: String, clock: ServiceClock, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> TelemedDatabase {
        guard PostgresLocation.isPostgresAddress(location) else { return try openFile(at: location, clock: clock) }
        do {
            return try TelemedDatabase(postgres: try PostgresLocation(location, environment: environment), clock: clock)
        } catch let error as PostgresLocationError {
            throw StoreError.cannotConnect(error.description)
        } catch let error as PostgresPoolError {
            throw StoreError.cannotConnect(error.description)
        } catch let error as PostgresStatementError {
            throw StoreError.cannotConnect(error.description)
        }
    }

    /// The file's path, or the PostgreSQL address without its password, for messages.
    public var location: String { name }

    /// Whether this database is PostgreSQL (shared by replicas) rather than a SQLite file.
    public var isPostgres: Bool { sqliteWriter == nil }

    /// Opens (or creates) the database file in WAL mode, creating its parent folder if needed.
    public static func openFile(at path: String, clock: ServiceClock) throws -> TelemedDatabase {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: url.path, configuration: makeConfiguration())
        return try TelemedDatabase(pool, name: url.path, clock: clock)
    }

    /// An empty, migrated, private database for tests and previews.
    public static func inMemory(clock: ServiceClock) throws -> TelemedDatabase {
        try TelemedDatabase(DatabaseQueue(configuration: makeConfiguration()), name: ":memory:", clock: clock)
    }

    /// How long a connection waits for another connection's lock before failing.
    public static let busyTimeoutSeconds: TimeInterval = 30

    /// The configuration every connection uses.
    ///
    /// Without a busy timeout GRDB fails at once with "database is locked" when another process
    /// writes; a trial lost 1,741 of 4,000 inserts that way. SQLite's busy handler polls (sleeps up to
    /// 100 ms between tries), so a waiting process can be overtaken again and again by processes
    /// that write back to back: with 5 s, two of four processes confirming in a loop on one file
    /// gave up; hence 30 s, about what an HTTP client waits.
    public static func makeConfiguration(_ base: Configuration = Configuration()) -> Configuration {
        var config = base
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeoutSeconds)
        return config
    }
}
