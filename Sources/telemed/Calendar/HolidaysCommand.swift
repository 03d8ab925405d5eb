import ArgumentParser
import Foundation
import TelemedCalendar

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Write the French public holidays as an iCalendar file (all-day events, French names).",
        discussion: """
            The days are the ones the solver closes sites and units on. The file depends only on the \
            options, so regenerating it gives the same bytes (Calendars/jours-feries.ics is made with \
            --from 2025 --to 2028).
            """
    )

    @Option(help: "First year.")
    var from: Int

    @Option(help: "Last year, included.")
    var to: Int

    @Flag(help: "Add Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle).")
    var alsaceMoselle = false

    @Option(help: "Where to write the file ('-' for standard output).")
    var out: String = "-"

    func validate() throws {
        guard (1583...9999).contains(from), (1583...9999).contains(to), from <= to else {
            throw ValidationError("--from and --to must be years from 1583 to 9999, --from not after --to")
        }
    }

    func run() throws {
        let calendar = HolidayCalendar(fromYear: from, throughYear: to, alsaceMoselle: alsaceMoselle)
        try Output.write(Data(try calendar.serialized().utf8), to: out)
        if out != "-" { Output.note("\(out): \(calendar.holidays.count) public holidays, \(from)–\(to)") }
    }
}
