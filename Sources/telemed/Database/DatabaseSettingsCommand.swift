import ArgumentParser
import TelemedStore

struct DatabaseSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the database's settings (the planning window).",
        discussion: """
            Without options, prints the planning window: today, its last day and its length in weeks. \
            --window-weeks N (1–52, default 8) sets how far ahead the window reaches; the next roll \
            applies it, and a shorter window never drops days already planned.
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many weeks ahead the planning window reaches (1–52).")
    var windowWeeks: Int?

    func run() throws {
        let store = try database.openExisting()
        if let windowWeeks {
            try StoreFailure.wrap { try store.setWindowWeeks(windowWeeks, actor: "cli") }
        }
        let window = try StoreFailure.wrap { try store.planningWindow() }
        print("today: \(window.today)")
        print("window end: \(window.end)")
        print("window weeks: \(window.weeks)")
    }
}
