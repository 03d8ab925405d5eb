import ArgumentParser
import TelemedStore

struct DatabaseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the database file and that no two committed bookings collide.",
        discussion: """
            Runs SQLite's integrity and foreign-key checks, then the plan checker over every confirmed \
            and done booking with the stored unit routes (specialist overlap and daily maximum, rooms, \
            patient overlap, one booking per request, unit presence and routes). Exits 0 when all hold; \
            otherwise prints one line per problem and exits 1.
            """
    )

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openExisting()
        let report = try StoreFailure.wrap { try store.check() }
        for problem in report.problems { print(problem) }
        guard report.isValid else {
            Output.note("\(database.shown): \(report.problems.count) problem(s)")
            throw ExitCode(1)
        }
        print("\(database.shown): ok (integrity, \(report.committedBookings) committed bookings without collision)")
    }
}
