import ArgumentParser

struct AvailabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "availability",
        abstract: "Import specialists' own calendars as availability exceptions.",
        subcommands: [AvailabilityImportCommand.self]
    )
}
