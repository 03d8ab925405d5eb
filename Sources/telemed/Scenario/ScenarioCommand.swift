import ArgumentParser

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Generate, validate and summarise scenario files.",
        subcommands: [GenerateCommand.self, ValidateCommand.self, StatsCommand.self]
    )
}
