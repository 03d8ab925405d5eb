import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// The solver's insertions charge a few minutes of driving per day of wait (not an objective
/// term): a request's best option is never later with the pressure than without it, and some
/// are earlier. Proposals shown to staff and explanations search without it.
@Suite("Wait pressure")
struct WaitPressureTests {
    @Test("with the pressure a request's best option is never on a later day, and on the demo some are earlier")
    func pressureMovesOptionsEarlier() throws {
        let problem = try SchedulingProblem(scenario: ScenarioCoder.load(contentsOf: SolverDemoTests.scenarioURL))
        let plain = InsertionSearch(problem: problem)
        let pressing = InsertionSearch(problem: problem, pressingEarlier: true)
        #expect(plain.waitPressure == 0)
        #expect(pressing.waitPressure == problem.scenario.weights.travelMinute * InsertionSearch.waitPressureMinutes)
        // Half the demand placed, so the rest meets days with routes that pass nearby.
        var state = SolutionState(problem: problem)
        let requests = Array(problem.requests.indices)
        RegretInsertion(search: plain).insert(requests.filter { $0.isMultiple(of: 2) }, into: &state)
        var earlier = 0
        var compared = 0
        for request in requests where !request.isMultiple(of: 2) && RequestOnce.isUnplaced(request, in: state) {
            guard let free = plain.options(for: request, in: state, keep: 1).first,
                let pressed = pressing.options(for: request, in: state, keep: 1).first
            else { continue }
            compared += 1
            #expect(pressed.placement.day <= free.placement.day, "request \(request) went later with the pressure")
            // The plain best option, charged the pressure, bounds the pressed one.
            #expect(pressed.cost <= free.cost + pressing.waitPressure * Double(free.placement.day) + 1e-9)
            if pressed.placement.day < free.placement.day { earlier += 1 }
        }
        #expect(compared > 300)
        #expect(earlier > 10, "the pressure moved only \(earlier) of \(compared) requests earlier")
    }
}
