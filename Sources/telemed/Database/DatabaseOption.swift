import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

/// `--db PATH`, the SQLite file every `db` command works on.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite database file.")
    var path: String = "telemed.sqlite"

    /// Opens (creating and migrating when needed) the database; store errors become input errors.
    func open(clock: ServiceClock = .system) throws -> TelemedDatabase {
        try StoreFailure.wrap { try TelemedDatabase.openFile(at: path, clock: clock) }
    }

    /// Opens a database that must already exist: a command that only reads or edits one should
    /// not leave an empty file behind a mistyped path.
    func openExisting(clock: ServiceClock = .system) throws -> TelemedDatabase {
        try Self.openExisting(at: path, clock: clock)
    }

    static func openExisting(at path: String, clock: ServiceClock = .system) throws -> TelemedDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(
                "There is no database at \(path): create one with `telemed db import SCENARIO --db \(path)`.")
        }
        return try StoreFailure.wrap { try TelemedDatabase.openFile(at: path, clock: clock) }
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
