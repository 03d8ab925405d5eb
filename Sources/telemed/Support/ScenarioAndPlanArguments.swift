import ArgumentParser
import TelemedCore

/// The two documents `check` and `explain` read: a scenario and a plan made from it.
struct ScenarioAndPlanArguments: ParsableArguments {
    @Argument(help: "The scenario JSON file.")
    var scenario: String

    @Argument(help: "The plan JSON file, as written by `telemed solve`.")
    var plan: String

    @Option(
        help: ArgumentHelp(
            "A plan whose proposed bookings staff have seen, in place of the scenario's own.",
            discussion: "The stability term charges weights.proposalMoved for each one the plan moves."))
    var incumbent: String?

    func load() throws -> (scenario: Scenario, plan: Plan) {
        (try Input.scenario(scenario, seeing: incumbent), try Input.plan(plan))
    }
}
