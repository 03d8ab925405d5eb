import ArgumentParser
import Foundation
import TelemedCalendar
import TelemedCore

struct AvailabilityImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a specialist's calendar (ICS) into `unavailable` exceptions of a scenario.",
        discussion: """
            Busy events inside the scenario's horizon become `unavailable` exceptions (UTC, merged, \
            sorted, noted "\(AvailabilityImport.note)"), replacing those of a previous import; other \
            exceptions stay. Recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID), time zones \
            (VTIMEZONE, IANA and Windows names, X-WR-TIMEZONE), all-day events and UTC times are read \
            as Google Calendar and Outlook write them; transparent, free and cancelled events are not \
            busy. A file libical cannot read exits 1 and writes nothing.
            """
    )

    @Option(help: "The specialist whose calendar this is.")
    var specialist: String

    @Argument(help: "The specialist's calendar, an iCalendar (.ics) file.")
    var file: String

    @Option(help: "The scenario JSON file to update.")
    var scenario: String

    @Option(help: "Where to write the updated scenario ('-' for standard output).")
    var out: String

    func run() throws {
        let document = try Input.scenario(scenario)
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        } catch {
            throw InputError("cannot read \(file) as UTF-8 text: \(error.localizedDescription)")
        }
        let imported = try InputError.calendar(file) { () throws(CalendarError) in
            try AvailabilityImport.exceptions(fromCalendar: text, horizon: document.horizon)
        }
        let updated = try InputError.calendar(file) { () throws(CalendarError) in
            try AvailabilityImport.replacingImported(imported, ofSpecialist: Specialist.ID(specialist), in: document)
        }
        try Output.write(try ScenarioCoder.encode(updated), to: out)
        let minutes = imported.reduce(0.0) { $0 + $1.end.timeIntervalSince($1.start) / 60 }
        Output.note(
            "\(specialist): \(imported.count) unavailable interval(s), \(LocalFormat.hoursAndMinutes(minutes)), "
                + "within \(document.horizon.start)…\(document.horizon.end)")
    }
}
