import ArgumentParser

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Import, export, check, back up, copy and roll the booking database (SQLite or PostgreSQL).",
        subcommands: [
            DatabaseImportCommand.self, DatabaseExportCommand.self, DatabaseCheckCommand.self, DatabaseCopyCommand.self,
            DatabaseBackupCommand.self, DatabaseRollCommand.self, DatabaseSettingsCommand.self, ConfirmLoadCommand.self,
        ]
    )
}
