import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The Solomon yardstick runs through the product: import as a scenario, the ordinary solver,
/// and the independent checker with real-valued distances.
@Suite("VRPTW yardstick")
struct VRPTWYardstickTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Benchmarks/solomon").standardized

    /// `Tests/Shared/solomon-tiny.txt`: the depot, 2 vehicles of capacity 50; customer 1 at (3,4),
    /// customer 2 at (6,8): 2 and 4 minutes from the depot at 0.4 min per unit.
    static var tinyText: String {
        get throws {
            try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("../Shared/solomon-tiny.txt"), encoding: .utf8)
        }
    }

    /// A shipped instance cut to its first `customers` customers (the file's own numbering).
    static func trimmed(_ name: String, customers: Int) throws -> SolomonInstance {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let fields = line.split(separator: " ")
            guard fields.count == 7, let id = Int(fields[0]) else { return true }
            return id <= customers
        }
        return try SolomonInstance(text: lines.joined(separator: "\n"))
    }

    static func solveTiny() throws -> (SolomonScenario, Plan) {
        let imported = try SolomonScenario(instance: SolomonInstance(text: tinyText))
        let run = try VRPTWRun(imported, options: SolverOptions(seed: 1, iterations: 50))
        #expect(run.feasible && run.vehicles == 1)
        // depot → 1 → 2 → depot: 5 + 5 + 10.
        #expect(abs(run.distance - 20) < 1e-9)
        return (imported, run.plan)
    }

    static func check(_ imported: SolomonScenario, _ plan: Plan, scenario: Scenario? = nil) -> PlanCheckReport {
        PlanChecker(scenario: scenario ?? imported.scenario, travel: imported.travel).check(plan)
    }

    @Test(
        "shipped instances cut to 25 customers solve feasibly, re-checked with real-valued distances",
        arguments: ["C101", "C201", "R101", "R201", "RC101", "RC201"])
    func trimmedInstancesAreFeasible(name: String) throws {
        let imported = try SolomonScenario(instance: Self.trimmed(name, customers: 25))
        #expect(imported.scenario.requests.count == 25)
        let run = try VRPTWRun(imported, options: SolverOptions(seed: 1, iterations: 100))
        #expect(run.feasible, "\(run.unserved) unserved, \(run.violations) violations")
        #expect(run.vehicles <= 25)
        let legs = imported.routes(of: run.plan).reduce(0) { $0 + $1.count }
        #expect(legs == 25)
    }

    @Test("leaving the depot 1 ms too late for the real distance is a violation; on time is not")
    func realValuedTravel() throws {
        let (imported, plan) = try Self.solveTiny()
        #expect(Self.check(imported, plan).isValid)
        var late = plan
        late.unitDays[0].leavesDepot = late.unitDays[0].leavesDepot.addingTimeInterval(0.001)
        #expect(Self.check(imported, late).violatedConstraints == [.unitRouteFeasible])
    }

    @Test("the loads on one vehicle count against its capacity")
    func loadsAgainstCapacity() throws {
        let (imported, plan) = try Self.solveTiny()
        var smaller = imported.scenario
        for index in smaller.units.indices { smaller.units[index].capacityPerDay = 29 }
        let report = Self.check(imported, plan, scenario: smaller)
        #expect(report.violatedConstraints == [.unitRouteFeasible])
        #expect(report.violations.first?.message.contains("load of 30") == true)
    }

    @Test("crew work naming a specialist breaks specialtyMatch; on the site's own equipment, unitPresent")
    func crewBookingRules() throws {
        let (imported, plan) = try Self.solveTiny()
        var withSpecialist = imported.scenario
        withSpecialist.specialists = [
            Specialist(
                id: "SP-1", name: "Dr SP-1", rpps: "10100000001", specialties: [.screening], weeklyAvailability: [],
                maxSessionsPerDay: 10)
        ]
        var named = plan
        named.bookings[0].specialistId = "SP-1"
        #expect(Self.check(imported, named, scenario: withSpecialist).violatedConstraints.contains(.specialtyMatch))
        var onSite = plan
        onSite.bookings[0].host = .siteEquipment
        #expect(Self.check(imported, onSite).violatedConstraints.contains(.unitPresent))
    }

    @Test("same seed and iterations give the same plan bytes at tick resolution")
    func deterministicAtTickResolution() throws {
        let imported = try SolomonScenario(instance: Self.trimmed("RC201", customers: 25))
        let solver = try Solver(scenario: imported.scenario, travelModel: imported.travel)
        let first = try ScenarioCoder.encode(solver.solve(SolverOptions(seed: 3, iterations: 60)).plan)
        let second = try ScenarioCoder.encode(solver.solve(SolverOptions(seed: 3, iterations: 60)).plan)
        #expect(first == second)
        // Instants carry milliseconds and read back to the same ticks.
        let plan = try ScenarioCoder.decode(Plan.self, from: first)
        #expect(PlanChecker(scenario: imported.scenario, travel: imported.travel).check(plan).isValid)
    }
}
