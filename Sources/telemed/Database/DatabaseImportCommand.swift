import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

struct DatabaseImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a scenario (sites, specialists, units, requests, bookings) in the database.",
        discussion: """
            The scenario must be valid (`telemed scenario validate`). A database that already holds a \
            scenario is refused and left unchanged, unless --replace is given: then its scenario, \
            bookings and unit routes are deleted first, in the same transaction (the audit log, plan \
            runs, tokens and feed secrets stay).
            """
    )

    @Argument(help: "The scenario JSON file.")
    var scenario: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Replace the scenario the database already holds.")
    var replace = false

    func run() throws {
        let document = try Input.scenario(scenario)
        let issues = ScenarioValidator().validate(document)
        guard issues.isEmpty else {
            for issue in issues { print(issue) }
            throw InputError("\(scenario): \(issues.count) problem(s); nothing was imported")
        }
        let store = try database.open()
        try StoreFailure.wrap { try store.importScenario(document, replace: replace, actor: "cli") }
        print(
            "\(database.path): imported \(document.sites.count) sites, \(document.specialists.count) specialists, "
                + "\(document.units.count) units, \(document.requests.count) requests, "
                + "\(document.bookings.count) bookings")
    }
}
