import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The demo region (`Scenarios/bfc-demo.json`, 1,366 synthetic requests in real communes of
/// Bourgogne-Franche-Comté): every booking the solver returns passes the independent checker, and
/// every request it leaves out says why, in the words of a known constraint.
@Suite("Solver on the demo region")
struct SolverDemoTests {
    static let scenarioURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/bfc-demo.json")

    @Test("every booking for the demo region checks valid and every unassigned request names a known constraint")
    func demoPlanIsValidAndExplained() throws {
        let scenario = try ScenarioCoder.load(contentsOf: Self.scenarioURL)
        let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: 1, iterations: 0)).plan
        let report = try PlanChecker(scenario: scenario).check(plan)

        #expect(report.isValid, "violations: \(report.violations.prefix(20).map(\.description))")
        let offending = Set(report.violations.compactMap(\.bookingId))
        let badBookings = plan.bookings.filter { offending.contains($0.id) }
        #expect(badBookings.isEmpty, "invalid bookings: \(badBookings.prefix(10).map(\.id.rawValue))")
        #expect(report.agrees(with: plan.score), "claimed \(plan.score), recomputed \(report.score)")

        // Each request is either booked once or unassigned once, never both.
        let booked = plan.bookings.map(\.requestId)
        let left = plan.unassigned.map(\.requestId)
        #expect(Set(booked).count == booked.count)
        #expect(Set(left).count == left.count)
        #expect(Set(booked).isDisjoint(with: left))
        #expect(Set(booked).union(left) == Set(scenario.requests.map(\.id)))
        #expect(!plan.bookings.isEmpty)

        for entry in plan.unassigned {
            #expect(
                !entry.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "\(entry.requestId) has no reason")
        }
    }
}
