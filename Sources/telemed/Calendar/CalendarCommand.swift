import ArgumentParser

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Generate the calendars telemed ships.",
        subcommands: [HolidaysCommand.self]
    )
}
