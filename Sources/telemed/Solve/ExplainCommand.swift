import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what a plan did with one request: its booking and unit route, or why it was left out.",
        discussion: """
            Shows the request (site, specialty, mode, urgency, dates, preferred specialist; the \
            patient only by their pseudonymous reference). A booked request shows its specialist, \
            local times (Europe/Paris), host and room, and for a unit visit that unit day's route. \
            An unassigned one shows the blocking constraint and the plan's reason, then what a \
            planner could change: the units carrying missing equipment and how far their depots \
            are, the specialists practising the specialty and their weekly hours, and so on.

            Example: telemed explain Scenarios/bfc-demo.json plan.json R-0042
            """
    )

    @OptionGroup var documents: ScenarioAndPlanArguments

    @Argument(help: "The id of the request to explain.")
    var request: String

    func run() throws {
        let (document, planDocument) = try documents.load()
        guard let subject = document.requests.first(where: { $0.id.rawValue == request }) else {
            Output.note(
                "error: \(documents.scenario) has no request with id \"\(request)\" (\(document.requests.count) requests)"
            )
            throw ExitCode(1)
        }
        let travel = try? Input.travelModel(for: document, at: documents.scenario)
        let explanation = RequestExplanation(scenario: document, plan: planDocument, travel: travel)
        print(explanation.render(subject))
    }
}
