import ArgumentParser
import TelemedCore

/// The two documents `check` and `explain` read: a scenario and a plan made from it.
struct ScenarioAndPlanArguments: ParsableArguments {
    @Argument(help: "The scenario JSON file.")
    var scenario: String

    @Argument(help: "The plan JSON file, as written by `telemed solve`.")
    var plan: String

    func load() throws -> (scenario: Scenario, plan: Plan) {
        (try Input.scenario(scenario), try Input.plan(plan))
    }
}
