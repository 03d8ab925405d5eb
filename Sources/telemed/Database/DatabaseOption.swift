import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

/// `--db PATH|ADDRESS`, the database every `db` command works on: a SQLite file, or a PostgreSQL
/// database several `serve` replicas share.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite database file, or a PostgreSQL address.",
            discussion: "postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require|verify-full]; "
                + "the password may come from PGPASSWORD instead.",
            valueName: "path-or-address"))
    var path: String = "telemed.sqlite"

    /// `--db` as messages show it: a PostgreSQL address without its password.
    var shown: String {
        guard isPostgres else { return path }
        return (try? PostgresLocation(path).description) ?? "the PostgreSQL database"
    }

    /// Whether `--db` names a PostgreSQL database.
    var isPostgres: Bool { PostgresLocation.isPostgresAddress(path) }

    /// Opens (creating and migrating when needed) the database; store errors become input errors.
    func open(clock: ServiceClock = .system) throws -> TelemedDatabase {
        try StoreFailure.wrap { try TelemedDatabase.open(path, clock: clock) }
    }

    /// Where a file that belongs with the database goes by default: next to a SQLite file; in the
    /// working folder, named after the database, for PostgreSQL.
    func companionPath(_ suffix: String) -> String {
        guard isPostgres, let location = try? PostgresLocation(path) else { return path + suffix }
        return "telemed-\(location.database)" + suffix
    }

    /// Opens a database that must already exist: a command that only reads or edits one should
    /// not leave an empty file behind a mistyped path.
    func openExisting(clock: ServiceClock = .system) throws -> TelemedDatabase {
        try Self.openExisting(at: path, clock: clock)
    }

    static func openExisting(at path: String, clock: ServiceClock = .system) throws -> TelemedDatabase {
        // A PostgreSQL database exists before telemed connects (its administrator creates it).
        guard PostgresLocation.isPostgresAddress(path) || FileManager.default.fileExists(atPath: path) else {
            throw InputError(
                "There is no database at \(path): create one with `telemed db import SCENARIO --db \(path)`.")
        }
        return try StoreFailure.wrap { try TelemedDatabase.open(path, clock: clock) }
    }
}

/// Store errors are about the user's files, not their command line: no usage text, exit 1.
enum StoreFailure {
    @discardableResult
    static func wrap<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as StoreError {
            throw InputError(error.description)
        }
    }
}
