import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

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

            A scenario that passes is then checked for pinned facts that break a hard rule by \
            themselves, with the scenario's travel model (docs/constraints.md): a recurring stop the \
            unit cannot reach, a chain of stops over the driving limit, a drive that does not fit \
            between two stops or within the shift, a set-up longer than its stop, a lunch break that \
            cannot fit. These exit 1 too, as the solver refuses them. A stop outside its site's \
            opening hours is printed as a warning (the unit can stop there, nothing can be booked).
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
        guard issues.isEmpty else { try Self.refuse(issues.map(\.description), file: file) }
        // Pinned facts need ids that resolve and the travel model, so only a valid scenario gets here.
        let pinned: [PinnedFactIssue]
        do {
            pinned = try PinnedFactCheck.issues(
                in: scenario, travelModel: try Input.travelModel(for: scenario, at: file))
        } catch let error as SolverError {
            try Self.refuse(["\(error.description)"], file: file)
        }
        let refused = pinned.filter(\.refuses)
        guard refused.isEmpty else { try Self.refuse(pinned.map(Self.line), file: file) }
        for warning in pinned { print(Self.line(warning)) }
        let warnings = pinned.isEmpty ? "" : ", \(pinned.count) warning\(pinned.count == 1 ? "" : "s")"
        print(
            "\(file): valid (\(scenario.sites.count) sites, \(scenario.specialists.count) specialists, "
                + "\(scenario.units.count) units, \(scenario.requests.count) requests\(warnings))")
    }

    /// `path: rule: message`, with `warning: ` in front of what does not refuse the scenario.
    static func line(_ issue: PinnedFactIssue) -> String {
        issue.refuses ? issue.description : "warning: \(issue.description)"
    }

    /// Prints one line per problem, the count on standard error, and exits 1.
    static func refuse(_ lines: [String], file: String) throws -> Never {
        for line in lines { print(line) }
        let count = lines.filter { !$0.hasPrefix("warning: ") }.count
        Output.note("\(file): \(count) problem\(count == 1 ? "" : "s")")
        throw ExitCode(1)
    }
}
