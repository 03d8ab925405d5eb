import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// Regret insertion finds the requests a placement affects through an index and takes the next
/// one from a heap: the index must hold every request the exact test would pick, the heap must
/// keep the documented order, and a request is dropped only when a fresh search finds nothing.
@Suite("Regret insertion")
struct RegretInsertionTests {
    @Test("the queue pops by regret, then cheapest best option, then request, whatever the push order")
    func queueOrder() {
        var random = SeededRandomNumberGenerator(seed: 7)
        // Few distinct values, so that ties on regret and on cost are common.
        let entries = (0..<600).map { request in
            RegretQueue.Entry(
                regret: Double(Int.random(in: 0..<5, using: &random)),
                cost: Double(Int.random(in: 0..<4, using: &random)) / 2, request: request, version: 1)
        }
        var queue = RegretQueue()
        for entry in entries.shuffled(using: &random) { queue.push(entry) }
        var popped: [Int] = []
        while let entry = queue.popFirst() { popped.append(entry.request) }
        let expected = entries.sorted { ($1.regret, $0.cost, $0.request) < ($0.regret, $1.cost, $1.request) }
        #expect(popped == expected.map(\.request))
    }

    @Test("after each placement, every request whose options it affects is among the index's candidates")
    func indexHoldsEveryAffectedRequest() throws {
        let problem = try SchedulingProblem(scenario: ScenarioCoder.load(contentsOf: SolverDemoTests.scenarioURL))
        let search = InsertionSearch(problem: problem)
        var state = SolutionState(problem: problem)
        // Half the demand placed first, so the rest competes for a partly filled plan.
        let requests = Array(problem.requests.indices)
        RegretInsertion(search: search).insert(requests.filter { $0.isMultiple(of: 2) }, into: &state)
        var pending = PendingOptions(problem: problem)
        var rest = requests.filter { !$0.isMultiple(of: 2) && RequestOnce.isUnplaced($0, in: state) }
        for request in rest { _ = pending.set(request, search.options(for: request, in: state)) }
        var checked = 0
        var affected = 0
        while checked < 150, let request = rest.first(where: { !pending.options(of: $0).isEmpty }) {
            let option = pending.options(of: request)[0]
            state.place(request, option: option)
            pending.remove(request)
            rest.removeAll { $0 == request }
            let touched = TouchedResources(problem: problem, request: request, option: option, state: state)
            let candidates = Set(pending.candidates(touched))
            for other in rest where touched.reevaluates(other, pending.options(of: other)) {
                affected += 1
                #expect(
                    candidates.contains(other) || SeriesSpacing.successor(of: request, in: problem) == other,
                    "request \(other) is affected by the placement of \(request) but not indexed")
                _ = pending.set(other, search.options(for: other, in: state))
            }
            checked += 1
        }
        #expect(checked == 150)
        // The placements did collide with cached options: the check above ran on real cases.
        #expect(affected > 100)
    }

    @Test(
        "a first plan leaves out only requests with no feasible option left",
        arguments: [RegretInsertion.Refresh.atOnce, .whenDrawn(classSize: 0)])
    func constructionIsMaximal(refresh: RegretInsertion.Refresh) throws {
        let problem = try SchedulingProblem(scenario: ScenarioCoder.load(contentsOf: SolverDemoTests.scenarioURL))
        let search = InsertionSearch(problem: problem)
        var state = SolutionState(problem: problem)
        search.placeIncumbent(into: &state)
        RegretInsertion(search: search, refresh: refresh).insert(Array(problem.requests.indices), into: &state)
        let unplaced = problem.requests.indices.filter { RequestOnce.isUnplaced($0, in: state) }
        #expect(unplaced.count > 20 && unplaced.count < problem.requests.count / 5)
        let stillFitting = unplaced.filter { !search.options(for: $0, in: state).isEmpty }
        #expect(stillFitting.isEmpty, "left out although they fit: \(stillFitting.prefix(10))")
    }
}
