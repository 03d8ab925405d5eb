import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Solving is a pure function: the same scenario, seed and iteration count give the same plan,
/// byte for byte, as `ScenarioCoder` writes it.
@Suite("Solver is deterministic")
struct SolverDeterminismTests {
    typealias B = SolverConstraintBuilder

    /// Three sites, three specialists, a unit with a lunch break and a recurring stop, and twenty-four
    /// requests competing for them over three days, more than they can all get: enough ties for an unstable choice to show.
    static func contestedWeek() -> Scenario {
        let stop = RecurringStop(
            day: .tuesday, siteId: "T-21-0001", arrival: B.time("09:30"), departure: B.time("12:00"))
        let specialties: [Specialty] = [.dermatology, .cardiology, .woundCare, .geriatrics]
        let sites = ["E-58-0001", "E-58-0002", "T-21-0001"]
        let urgencies: [Urgency] = [.urgent, .soon, .routine, .routine]
        let requests = (1...24).map { n in
            B.request(
                "R-\(n < 10 ? "0" : "")\(n)", at: sites[n % 3], urgencies[n % 4], patient: "P-\(n % 11)",
                specialty: specialties[n % 4], mode: n % 5 == 0 ? .async : .live, needs: n % 3 == 1 ? [.ecg] : [],
                minutes: [20, 30, 45][n % 3], released: [B.monday, B.tuesday][n % 2],
                preferred: n % 4 == 1 ? "SP-02" : nil)
        }
        return B.scenario(
            through: B.wednesday,
            sites: [
                B.site("E-58-0001", in: .clamecy, rooms: 2, equipment: [.videoCart, .dermatoscope]),
                B.site("E-58-0002", in: .lormes, nurse: B.weekdays("14:00", "17:00")),
                B.site(
                    "T-21-0001", in: .saulieu, open: B.windows([.tuesday, .thursday], "09:00", "12:30"),
                    nurse: []),
            ],
            specialists: [
                B.specialist(
                    "SP-01", [.dermatology, .woundCare], available: B.weekdays("09:00", "12:00"), maxPerDay: 3),
                B.specialist(
                    "SP-02", [.cardiology, .geriatrics], available: B.weekdays("13:30", "17:00"), maxPerDay: 2),
                B.specialist(
                    "SP-03", [.geriatrics, .woundCare], available: B.windows([.tuesday, .thursday], "09:00", "17:00")),
            ],
            units: [
                B.unit(
                    lunch: LunchBreak(earliestStart: B.time("12:00"), latestEnd: B.time("14:00"), minutes: 45),
                    capacity: 4, stops: [stop])
            ],
            requests: requests)
    }

    static func planBytes(_ scenario: Scenario, seed: UInt64) throws -> Data {
        let result = try Solver(scenario: scenario).solve(SolverOptions(seed: seed, iterations: 0))
        return try ScenarioCoder.encode(result.plan)
    }

    @Test("the same scenario, seed and iterations: 0 give identical plan bytes", arguments: [1, 42] as [UInt64])
    func sameSeedSameBytes(seed: UInt64) throws {
        let scenario = Self.contestedWeek()
        let first = try Self.planBytes(scenario, seed: seed)
        let second = try Self.planBytes(scenario, seed: seed)
        #expect(first == second)
        #expect(!first.isEmpty)
        // The plan is worth comparing: it books something and passes the checker.
        let plan = try ScenarioCoder.makeDecoder().decode(Plan.self, from: first)
        #expect(!plan.bookings.isEmpty)
        #expect(try PlanChecker(scenario: scenario).check(plan).isValid)
    }

    @Test("a scenario read back from its own JSON gives the same plan bytes as the original")
    func encodedScenarioSameBytes() throws {
        let scenario = Self.contestedWeek()
        let reread = try ScenarioCoder.decode(try ScenarioCoder.encode(scenario))
        #expect(try Self.planBytes(reread, seed: 1) == Self.planBytes(scenario, seed: 1))
    }

    @Test("one solver solving twice gives the same plan bytes as two fresh solvers")
    func solverHoldsNoState() throws {
        let scenario = Self.contestedWeek()
        let solver = try Solver(scenario: scenario)
        let options = SolverOptions(seed: 3, iterations: 0)
        let once = try ScenarioCoder.encode(solver.solve(options).plan)
        let twice = try ScenarioCoder.encode(solver.solve(options).plan)
        #expect(once == twice)
        #expect(once == (try Self.planBytes(scenario, seed: 3)))
    }
}
