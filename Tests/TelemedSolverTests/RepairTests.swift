import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// The greedy repairs: the order among requests of equal weight decides who gets a scarce place,
/// and opening a day puts a far request on a unit day nobody used.
@Suite("Repairs")
struct RepairTests {
    /// Customer 1 at (3,4), 2 minutes from the depot, customer 2 at (6,8), 4 minutes; 10 units
    /// of demand each.
    static func twoCustomers(vehicles: Int, capacity: Int) throws -> SchedulingProblem {
        try SolomonFixture.problem(
            SolomonFixture.instance(
                vehicles: vehicles, capacity: capacity, customers: [(3, 4, 10), (6, 8, 10)]))
    }

    @Test("with room for one request only, farthest first serves the far customer and closest first the near one")
    func orderDecidesWhoIsServed() throws {
        let problem = try Self.twoCustomers(vehicles: 1, capacity: 10)
        let repair = Repair(problem: problem, search: InsertionSearch(problem: problem))
        let requests = Array(problem.requests.indices)
        let far = try #require(requests.max { repair.baseDistance[$0] < repair.baseDistance[$1] })
        let near = try #require(requests.min { repair.baseDistance[$0] < repair.baseDistance[$1] })
        #expect(repair.baseDistance[far] > repair.baseDistance[near])
        for (order, served) in [(Repair.Order.farthestFirst, far), (.closestFirst, near)] {
            // Several seeds: the random draw before sorting must not decide.
            for seed in UInt64(1)...5 {
                var state = SolutionState(problem: problem)
                var rng = SeededRandomNumberGenerator(seed: seed)
                repair.greedy(requests, order: order, into: &state, rng: &rng)
                #expect(state.placements[served] != nil, "\(order), seed \(seed)")
                #expect(state.assignedCount == 1)
            }
        }
    }

    @Test("opening a day puts the far customer on the idle vehicle, where greedy would join the used one")
    func openDayUsesAnIdleUnitDay() throws {
        let problem = try Self.twoCustomers(vehicles: 2, capacity: 50)
        let search = InsertionSearch(problem: problem)
        let repair = Repair(problem: problem, search: search)
        let requests = Array(problem.requests.indices)
        let far = try #require(requests.max { repair.baseDistance[$0] < repair.baseDistance[$1] })
        let near = requests.first { $0 != far }!
        var state = SolutionState(problem: problem)
        var rng = SeededRandomNumberGenerator(seed: 1)
        repair.greedy(requests, order: .random, into: &state, rng: &rng)
        // One route is cheaper (20 units of distance) than two (10 + 20): both on one vehicle.
        let shared = try #require(state.placements[near]?.unit)
        #expect(state.placements[far]?.unit == shared)

        var greedyOnly = state
        greedyOnly.remove(far)
        repair.greedy([far], order: .random, into: &greedyOnly, rng: &rng)
        #expect(greedyOnly.placements[far]?.unit == shared)

        var opened = state
        opened.remove(far)
        repair.openDay([far], into: &opened, rng: &rng)
        let unit = try #require(opened.placements[far]?.unit)
        #expect(unit != shared)
        #expect(opened.placements[near]?.unit == shared)
    }
}
