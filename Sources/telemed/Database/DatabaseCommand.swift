import ArgumentParser

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Import, export, check and back up the SQLite booking database.",
        subcommands: [
            DatabaseImportCommand.self, DatabaseExportCommand.self, DatabaseCheckCommand.self,
            DatabaseBackupCommand.self, ConfirmLoadCommand.self,
        ]
    )
}
