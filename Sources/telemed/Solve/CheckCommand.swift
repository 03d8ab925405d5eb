import ArgumentParser
import Foundation
import TelemedCore
import TelemedSolver

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a plan against its scenario with the independent plan checker.",
        discussion: """
            Checks every hard constraint of docs/constraints.md from the scenario and the plan alone, \
            and recomputes the objective. Exits 0 when the plan is valid; otherwise exits 1 and prints \
            one line per violation, as `constraint: message`. A valid plan is followed by its KPIs, \
            recomputed from the two documents.
            """
    )

    @OptionGroup var documents: ScenarioAndPlanArguments

    func run() throws {
        let (document, planDocument) = try documents.load()
        let checker = PlanChecker(
            scenario: document, travel: try Input.travelModel(for: document, at: documents.scenario))
        let report = checker.check(planDocument)
        for violation in report.violations { print(violation) }
        let score = report.score
        let summary =
            "served \(score.served), soft \(String(format: "%.2f", score.soft)), \(report.violations.count) violation(s)"
        guard report.isValid else {
            Output.note("\(documents.plan): invalid: \(summary)")
            throw ExitCode(1)
        }
        print("\(documents.plan): valid: \(summary)")
        print("")
        print(KPISummary.render(PlanKPIs(scenario: document, plan: planDocument)))
    }
}
