import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The failure this guards against: a recurring stop the unit cannot reach was kept (it is
/// pinned), so the solver returned a plan the independent checker rejected. Only public API, so
/// it shows the same on the code from before the check existed.
@Suite("Solver refuses pinned facts that break a hard rule by themselves")
struct PinnedFactRefusalTests {
    typealias B = SolverConstraintBuilder

    /// Château-Chinon → Clamecy is 69.4 min each way, so 139 min of driving against a 120-min limit.
    static let unreachable = B.scenario(
        sites: [B.site("E-58-0001", in: .moulinsEngilbert), B.site("T-58-0002", in: .clamecy)],
        specialists: [B.specialist("SP-01")],
        units: [
            B.unit(
                maxDriving: 120,
                stops: [
                    RecurringStop(
                        day: .monday, siteId: "T-58-0002", arrival: B.time("10:00"), departure: B.time("12:00"))
                ])
        ],
        requests: [B.request("R-1", at: "E-58-0001")])

    @Test("an unreachable recurring stop is refused by the solver, not planned into a plan the checker rejects")
    func unreachableStopIsRefused() throws {
        do {
            let plan = try Solver(scenario: Self.unreachable).solve(SolverOptions(seed: 7, iterations: 50)).plan
            let report = try PlanChecker(scenario: Self.unreachable).check(plan)
            let verdict = report.isValid ? "valid" : report.violations.map(\.description).joined(separator: "; ")
            Issue.record("the solver planned the scenario; checker: \(verdict)")
        } catch let error as SolverError {
            guard case .invalidScenario(let issues) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(issues.count == 1)
            let message = issues.first ?? ""
            #expect(message.hasPrefix("units[0].recurringStops[0]: stopReachable: unit U-01 cannot reach T-58-0002"))
            #expect(message.contains("70 min there and 70 min back make 140 min, over its maximum of 120 min"))
        }
    }

    @Test("the proposal engine refuses the same scenario")
    func proposalEngineRefuses() throws {
        #expect(throws: SolverError.self) {
            _ = try ProposalEngine(
                scenario: Self.unreachable,
                plan: Plan(bookings: [], visits: [], unassigned: [], score: PlanScore(hard: 0, served: 0, soft: 0)))
        }
    }
}
