import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// The descent on unit days: it uncrosses routes (tail swaps), shortens a route by moving a stop
/// (relocation), and whatever it does the independent checker accepts.
@Suite("Route local search")
struct RouteLocalSearchTests {
    /// Two customers east of the depot, two north: (10,0), (20,0), (0,10), (0,20).
    static func crossShaped() throws -> (SolomonScenario, SchedulingProblem) {
        let imported = try SolomonFixture.instance(
            vehicles: 2, capacity: 100, customers: [(10, 0, 10), (20, 0, 10), (0, 10, 10), (0, 20, 10)])
        return (imported, try SolomonFixture.problem(imported))
    }

    /// Places each request on the unit given, in the order given, at its best position there.
    static func state(_ problem: SchedulingProblem, placing: [(request: Int, unit: Int)]) throws -> SolutionState {
        let search = InsertionSearch(problem: problem)
        var state = SolutionState(problem: problem)
        for (request, unit) in placing {
            let option = try #require(search.options(for: request, unit: unit, day: 0, in: state).first)
            state.place(request, option: option)
        }
        return state
    }

    /// Runs the descent on day 0 and returns the independent checker's violations of the result.
    static func improve(
        _ state: inout SolutionState, _ problem: SchedulingProblem, _ imported: SolomonScenario, seed: UInt64
    ) -> [PlanViolation] {
        var rng = SeededRandomNumberGenerator(seed: seed)
        RouteLocalSearch(problem: problem, scheduler: InsertionSearch(problem: problem).scheduler)
            .improve(days: [0], in: &state, rng: &rng)
        let plan = PlanBuilder(problem: problem).plan(from: state, unassigned: [])
        return PlanChecker(scenario: imported.scenario, travel: imported.travel).check(plan).violations
    }

    static func driving(_ state: SolutionState) -> Double {
        state.timings.joined().reduce(0) { $0 + ($1?.exactDrivingMinutes ?? 0) }
    }

    @Test("two crossing routes are uncrossed: each direction's pair on one unit, shorter, and checked")
    func uncrossesRoutes() throws {
        let (imported, problem) = try Self.crossShaped()
        // Unit 0 serves east-near and north-far, unit 1 north-near and east-far.
        var state = try Self.state(problem, placing: [(0, 0), (3, 0), (2, 1), (1, 1)])
        let before = Self.driving(state)
        #expect(Self.improve(&state, problem, imported, seed: 1).isEmpty)
        #expect(Self.driving(state) < before - 1)
        let east = Set([state.placements[0]?.unit, state.placements[1]?.unit])
        let north = Set([state.placements[2]?.unit, state.placements[3]?.unit])
        // One route for all four is shorter still (27.3 against 32 units of distance): allowed.
        #expect(east.count == 1 && north.count == 1)
    }

    @Test("a zigzag route is put back into line by moving its stops")
    func relocatesWithinARoute() throws {
        let imported = try SolomonFixture.instance(
            vehicles: 1, capacity: 100, customers: [(10, 0, 10), (20, 0, 10), (0, 10, 10), (0, 20, 10)])
        let problem = try SolomonFixture.problem(imported)
        let search = InsertionSearch(problem: problem)
        var state = try Self.state(problem, placing: [(0, 0), (1, 0), (2, 0), (3, 0)])
        // Re-timed into a zigzag: east-near, north-far, east-far, north-near.
        let zigzag = [0, 3, 1, 2].map { request in
            (
                site: problem.requests[request].site, pinnedWindow: TickInterval?.none,
                items: [
                    RouteScheduler.Item(
                        request: request, duration: problem.requests[request].duration, anchoredStart: nil,
                        review: nil)
                ]
            )
        }
        let timed = try #require(search.scheduler.schedule(unit: 0, day: 0, sequence: zigzag, state: state))
        state.rearrange(day: 0, routes: [(0, timed.starts)])
        #expect(state.routes[0][0].stops.map(\.site) == zigzag.map(\.site))
        let before = Self.driving(state)
        #expect(Self.improve(&state, problem, imported, seed: 2).isEmpty)
        #expect(Self.driving(state) < before - 1)
        #expect(state.assignedCount == 4)
    }

    @Test("moves respect capacity: a swap that would overload a unit is not made")
    func keepsCapacity() throws {
        // Capacity 20: each unit carries exactly two customers; the east pair weighs 30.
        let imported = try SolomonFixture.instance(
            vehicles: 2, capacity: 20, customers: [(10, 0, 15), (20, 0, 15), (0, 10, 5), (0, 20, 5)])
        let problem = try SolomonFixture.problem(imported)
        var state = try Self.state(problem, placing: [(0, 0), (3, 0), (2, 1), (1, 1)])
        #expect(Self.improve(&state, problem, imported, seed: 1).isEmpty)
        // The two heavy east customers never share a unit.
        #expect(state.placements[0]?.unit != state.placements[1]?.unit)
    }
}
