import ArgumentParser
import TelemedStore

/// `--db PATH`, the SQLite file every `db` command works on.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite database file.")
    var path: String = "telemed.sqlite"

    /// Opens (creating and migrating when needed) the database; store errors become input errors.
    func open() throws -> TelemedDatabase {
        try StoreFailure.wrap { try TelemedDatabase.openFile(at: path) }
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
