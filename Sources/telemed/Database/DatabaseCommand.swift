import ArgumentParser

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Import, export, check, back up and roll the SQLite booking database.",
        subcommands: [
            DatabaseImportCommand.self, DatabaseExportCommand.self, DatabaseCheckCommand.self,
            DatabaseBackupCommand.self, DatabaseRollCommand.self, DatabaseSettingsCommand.self, ConfirmLoadCommand.self,
        ]
    )
}
