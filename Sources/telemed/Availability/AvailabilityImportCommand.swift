import ArgumentParser
import Foundation
import TelemedCalendar
import TelemedCore
import TelemedStore

struct AvailabilityImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a specialist's calendar (ICS) into `unavailable` exceptions, in a database or a scenario.",
        discussion: """
            Busy events inside the scenario's horizon become `unavailable` exceptions (UTC, merged, \
            sorted, noted "\(AvailabilityImport.note)"), replacing those of a previous import; other \
            exceptions stay. Recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID), time zones \
            (VTIMEZONE, IANA and Windows names, X-WR-TIMEZONE), all-day events and UTC times are read \
            as Google Calendar and Outlook write them; transparent, free and cancelled events are not \
            busy. A file libical cannot read exits 1 and changes nothing.

            With --db the stored specialist is updated in one transaction (audited); confirmed \
            bookings that now fall in busy time are listed, to be rescheduled, and left as they are. \
            With --scenario the updated scenario is written to --out.
            """
    )

    @Option(help: "The specialist whose calendar this is.")
    var specialist: String

    @Argument(help: "The specialist's calendar, an iCalendar (.ics) file.")
    var file: String

    @Option(name: .customLong("db"), help: "The SQLite database to update (instead of --scenario, --out).")
    var database: String?

    @Option(help: "The scenario JSON file to update.")
    var scenario: String?

    @Option(help: "Where to write the updated scenario ('-' for standard output).")
    var out: String?

    func validate() throws {
        switch (database, scenario, out) {
        case (.some, nil, nil), (nil, .some, .some): return
        default: throw ValidationError("Give either --db PATH, or both --scenario FILE and --out FILE.")
        }
    }

    func run() throws {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        } catch {
            throw InputError("cannot read \(file) as UTF-8 text: \(error.localizedDescription)")
        }
        let id = Specialist.ID(specialist)
        let imported: [AvailabilityException]
        let horizon: Horizon
        if let database {
            let store = try DatabaseOption.openExisting(at: database)
            let stored = try StoreFailure.wrap { try store.exportScenario() }
            horizon = stored.horizon
            imported = try busyTime(in: text, horizon: horizon)
            try StoreFailure.wrap {
                try store.updateExceptions(ofSpecialist: id, actor: "cli") {
                    AvailabilityImport.replacingImported(imported, in: $0)
                }
            }
            let busy = imported.map { UTCInterval(start: $0.start, end: $0.end) }
            let clashes = try StoreFailure.wrap { try store.confirmedBookings(ofSpecialist: id, overlapping: busy) }
            for booking in clashes {
                Output.note("confirmed booking \(booking.id) at \(booking.start) now falls in busy time: reschedule it")
            }
        } else if let scenario, let out {
            let document = try Input.scenario(scenario)
            horizon = document.horizon
            imported = try busyTime(in: text, horizon: horizon)
            let updated = try InputError.calendar(file) { () throws(CalendarError) in
                try AvailabilityImport.replacingImported(imported, ofSpecialist: id, in: document)
            }
            try Output.write(try ScenarioCoder.encode(updated), to: out)
        } else {
            preconditionFailure("validate() admits --db or --scenario with --out")
        }
        let minutes = imported.reduce(0.0) { $0 + $1.end.timeIntervalSince($1.start) / 60 }
        Output.note(
            "\(specialist): \(imported.count) unavailable interval(s), \(LocalFormat.hoursAndMinutes(minutes)), "
                + "within \(horizon.start)…\(horizon.end)")
    }

    private func busyTime(in text: String, horizon: Horizon) throws -> [AvailabilityException] {
        try InputError.calendar(file) { () throws(CalendarError) in
            try AvailabilityImport.exceptions(fromCalendar: text, horizon: horizon)
        }
    }
}
