import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Fairness between zones (`weights.zoneFairness`): for each zone kind given a weight, the spread of
/// the shares of requests served within their urgency's delay among that kind's zones and the rest
/// of the region, computed alike by the checker and by the solver's search.
@Suite("Fairness between zones")
struct ZoneFairnessTests {
    /// The hand-built plan of ``PlanCheckerFixture``: at E-58-0001 (58194)
    /// are all within their delays; at E-21-0001 (21027) R-2 is two days late and R-6 is not
    /// booked; at T-58-0001 (58086) are within theirs.
    static func zoned() -> Scenario {
        var scenario = PlanCheckerFixture.scenario()
        // The checker's fixture leaves FINESS numbers out; the solver wants a valid scenario.
        for index in scenario.sites.indices where scenario.sites[index].kind == .ehpad {
            scenario.sites[index].finess = "58999001\(index)"
        }
        scenario.zones = [
            Zone(name: "ZIP Côte-d'Or", kind: .priorityIntervention, communes: ["21027"]),
            Zone(name: "QPV Nevers", kind: .cityPolicyNeighbourhood, communes: ["58194"]),
            Zone(name: "QPV mixte", kind: .cityPolicyNeighbourhood, communes: ["58086", "21027"]),
        ]
        scenario.weights.zoneFairness = ["ZIP": 2, "QPV": 1, "ZAC": 3]
        return scenario
    }

    @Test("the checker's term, worked out by hand")
    func byHand() throws {
        let report = PlanChecker(scenario: Self.zoned(), travel: PlanCheckerFixture.travel())
            .check(PlanCheckerFixture.validPlan())
        // ZIP: its zone 0 % (0 of 2), the rest 100 % (6 of 6): 2 × 100. QPV: Nevers 100 % (4 of 4),
        // mixte 50 % (2 of 4), no request elsewhere: 1 × 50. ZAC: no zone, the rest alone: 0.
        #expect(abs(report.softTerms.zoneFairness - 250) < 1e-9, "\(report.softTerms)")
        let plain = PlanChecker(scenario: PlanCheckerFixture.scenario(), travel: PlanCheckerFixture.travel())
            .check(PlanCheckerFixture.validPlan())
        #expect(plain.softTerms.zoneFairness == 0, "no weights, no term")
        #expect(abs(report.score.soft - plain.score.soft - 250) < 1e-6)
    }

    @Test("the solver counts the same term: its claimed score agrees with the checker's")
    func solverAgrees() throws {
        var scenario = Self.zoned()
        // Due before the horizon begins: late whatever the plan, so the ZIP's share stays below the
        // rest's and the term cannot be planned away (the solver evens out everything else).
        scenario.requests.append(
            PlanCheckerFixture.request(
                "R-9", at: "E-21-0001", patient: "P-9", .dermatology, .live, needs: [.videoCart], minutes: 30,
                .urgent, released: "2027-04-20"))
        let travel = PlanCheckerFixture.travel()
        let result = try Solver(scenario: scenario, travelModel: travel).solve(SolverOptions(seed: 3, iterations: 300))
        let report = PlanChecker(scenario: scenario, travel: travel).check(result.plan)
        #expect(report.isValid, "\(report.violations.map(\.description))")
        #expect(report.agrees(with: result.plan.score), "claimed \(result.plan.score), recomputed \(report.score)")
        #expect(
            report.softTerms.zoneFairness > 0, "the term must weigh in this plan for the agreement to mean something")
    }

    @Test("weights on zone kinds are checked: a well-formed kind, a finite weight ≥ 0")
    func validation() {
        var scenario = Self.zoned()
        scenario.weights.zoneFairness = ["Z I P": 1, "QPV": -1, "ZAC": .infinity]
        let paths = ScenarioValidator().validate(scenario).map(\.path.description)
        #expect(paths == ["weights.zoneFairness.QPV", "weights.zoneFairness.Z I P", "weights.zoneFairness.ZAC"])
    }
}
