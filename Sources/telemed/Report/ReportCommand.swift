import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the programme's reports from the booking database.",
        subcommands: [ActivityReportCommand.self]
    )
}
