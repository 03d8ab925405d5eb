import ArgumentParser
import TelemedStore

struct DatabaseBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database with SQLite's online backup, safe while the server writes.",
        discussion: "The copy is taken from one consistent snapshot and opens like any telemed database."
    )

    @Argument(help: "The file to write the copy to.")
    var out: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
        guard !database.isPostgres else {
            throw InputError(StoreError.backupOnPostgres(database.shown).description)
        }
        let store = try database.openExisting()
        try StoreFailure.wrap { try store.backup(to: out) }
        print("\(database.shown): backed up to \(out)")
    }
}
