import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

struct DatabaseRollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roll",
        abstract: "Move the planning window forward to a date, one day at a time.",
        discussion: """
            Each day is one transaction: today moves to it, the window reaches --window-weeks ahead \
            (`telemed db settings`), the days before become history (kept, never planned again), open \
            requests past their due date are flagged overdue, proposed bookings that no longer hold are \
            repaired and open requests are placed into the window; every proposed booking that still \
            holds keeps its place. Each day is recorded as a plan run (kind roll) and in the audit log. \
            A date before the database's today is refused; rolling to the date it is at changes nothing. \
            `telemed serve` rolls by itself every night (--roll-at).

            Example: telemed db roll --db telemed.sqlite --to 2027-02-15
            """
    )

    @OptionGroup var database: DatabaseOption

    @OptionGroup var clock: ClockOption

    @Option(help: "The new today, YYYY-MM-DD (default: today by the clock, Europe/Paris).", transform: parseDate)
    var to: LocalDate?

    @Option(help: "Seed of the placement of open requests.")
    var seed: UInt64 = 1

    func run() throws {
        let store = try database.openExisting(clock: try clock.clock())
        let roller = WindowRoller(database: store, seed: seed, actor: "cli")
        let before = try StoreFailure.wrap { try store.planningWindow() }
        let days = try StoreFailure.wrap {
            try roller.roll(to: to) { day in
                let line =
                    "\(day.date): placed \(day.placed), repaired \(day.repaired) (moved \(day.moved), "
                    + "cancelled \(day.cancelled)), overdue \(day.openOverdue) (\(day.newlyOverdue) new), "
                    + "unplaced \(day.unplaced)"
                    + (day.conflictsLeft > 0 ? ", \(day.conflictsLeft) conflict(s) between committed bookings" : "")
                // Unbuffered: one line per committed day as it happens, also through a pipe.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
        guard let last = days.last else {
            print("\(database.shown): already at \(before.today); nothing changed")
            return
        }
        print(
            "\(database.shown): rolled \(days.count) day(s) from \(before.today) to \(last.date); window ends \(last.end)"
        )
    }
}
