import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore

struct DatabaseImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a scenario (sites, specialists, units, requests, bookings) in the database.",
        discussion: """
            The scenario must be valid (`telemed scenario validate`), pinned facts included: a \
            recurring stop a unit cannot make is refused here, not at the first roll. A database that already holds a \
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
        // Pinned facts that break a rule by themselves would stop every roll of the window.
        let travel = try Input.travelModel(for: document, at: scenario)
        let pinned: [PinnedFactIssue]
        do throws(SolverError) {
            pinned = try PinnedFactCheck.issues(in: document, travelModel: travel).filter(\.refuses)
        } catch {
            throw InputError("\(scenario): \(error.description); nothing was imported")
        }
        guard pinned.isEmpty else {
            for issue in pinned { print(issue) }
            throw InputError("\(scenario): \(pinned.count) pinned fact(s) break a rule; nothing was imported")
        }
        let store = try database.open()
        try StoreFailure.wrap { try store.importScenario(document, replace: replace, actor: "cli") }
        print(
            "\(database.shown): imported \(document.sites.count) sites, \(document.specialists.count) specialists, "
                + "\(document.units.count) units, \(document.requests.count) requests, "
                + "\(document.bookings.count) bookings")
    }
}
