import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedSolver

/// Seeded mutations of the feed fixture's scenario: each ends in a decoding error or validation
/// issues with their JSON path, or in a scenario the solver plans and the plan checker accepts.
@Suite("Scenario files under seeded mutations")
struct ScenarioFuzzTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/feeds/scenario.json")

    @Test("mutated scenarios are refused with a reason, or planned into a plan the checker accepts")
    func mutatedScenarios() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        var (undecodable, invalid, planned) = (0, 0, 0)
        for (index, variant) in SeededMutations(of: text, seed: 42, count: 250).enumerated() {
            let scenario: Scenario
            do {
                scenario = try ScenarioCoder.decode(Data(variant.utf8))
            } catch {
                undecodable += 1
                #expect(!error.description.isEmpty, "variant \(index)")
                continue
            }
            let issues = ScenarioValidator().validate(scenario)
            guard issues.isEmpty else {
                invalid += 1
                #expect(issues.allSatisfy { !$0.message.isEmpty }, "variant \(index)")
                continue
            }
            do {
                let travel = try scenario.travel.makeModel(relativeTo: Self.fixture.deletingLastPathComponent())
                let result = try Solver(scenario: scenario, travelModel: travel).solve(
                    SolverOptions(seed: 1, iterations: 20))
                let report = PlanChecker(scenario: scenario, travel: travel).check(result.plan)
                #expect(report.isValid, "variant \(index): \(report.violations.prefix(3))")
                planned += 1
            } catch {
                // Pinned facts that break a rule, a travel setting that cannot answer: refused, with a reason.
                invalid += 1
                #expect(!String(describing: error).isEmpty, "variant \(index)")
            }
        }
        #expect(undecodable > 0 && planned > 0, "decoded \(250 - undecodable), invalid \(invalid), planned \(planned)")
    }
}
