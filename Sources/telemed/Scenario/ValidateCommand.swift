import ArgumentParser
import Foundation
import TelemedCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and list every problem.",
        discussion: """
            Prints one line per problem, as `json.path: message`, and exits 1 if there is any; \
            prints a one-line summary and exits 0 when the scenario is valid. Checks the JSON shape, \
            then fields the format does not define (a misspelt key would otherwise be ignored), \
            then references between entities, time windows, durations, French codes (INSEE, FINESS, \
            RPPS), dates against the horizon, and specialties or equipment that nobody provides.
            """
    )

    @Argument(help: "The scenario JSON file.")
    var file: String

    func run() throws {
        let data: Data
        let scenario: Scenario
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            print("cannot read \(file): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        do {
            scenario = try ScenarioCoder.decode(data)
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
        let issues = UnknownFieldCheck.issues(in: data) + ScenarioValidator().validate(scenario)
        guard issues.isEmpty else {
            for issue in issues { print(issue) }
            Output.note("\(file): \(issues.count) problem\(issues.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        print(
            "\(file): valid (\(scenario.sites.count) sites, \(scenario.specialists.count) specialists, "
                + "\(scenario.units.count) units, \(scenario.requests.count) requests)")
    }
}
