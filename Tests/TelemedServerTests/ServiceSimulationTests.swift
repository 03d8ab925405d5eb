import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore
import Testing

@testable import TelemedServer

/// Thirty days of the small feed region run through the service's own code on a jumping clock:
/// what `telemed simulate --days 30` does on the demo, small enough for every CI run.
@Suite("Service simulation")
struct ServiceSimulationTests {
    private static func run(days: Int, seed: UInt64) async throws -> (
        [SimulatedDay], SimulationSummary, TelemedDatabase
    ) {
        let region = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL)
        // The region's five requests made on each weekday of its first week, twice: a demand
        // large enough for cancellations and moves, small enough for the region's two specialists.
        var template = region
        template.requests = (0..<5).flatMap { day in
            region.requests.map { request in
                var copy = request
                copy.id = .init(rawValue: "\(request.id.rawValue)-\(day)")
                copy.releaseDate = region.horizon.start.adding(days: day)
                return copy
            }
        }
        let time = ManualTime(WallClock.paris.instant(on: template.horizon.start, at: LocalTime(hour: 7, minute: 0)!))
        let database = try TelemedDatabase.inMemory(clock: .manual(time))
        _ = try RegionSetup(scenario: region, solver: SolverOptions(seed: seed, iterations: 20)).run(into: database)
        let simulation = try ServiceSimulation(
            database: database, time: time, seed: seed, template: template, demandScale: 1.5, path: nil)
        var simulated: [SimulatedDay] = []
        let summary = try await simulation.run(days: days) { simulated.append($0) }
        return (simulated, summary, database)
    }

    @Test("30 simulated days: requests booked, cancelled and moved, a roll a night, no violation in the weekly checks")
    func thirtyDays() async throws {
        let (days, summary, database) = try await Self.run(days: 30, seed: 3)
        #expect(days.count == 30 && summary.days == 30)
        let start = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL).horizon.start
        #expect(days.map(\.date) == (0..<30).map { start.adding(days: $0) })
        #expect(try database.planningWindow().today == start.adding(days: 30))
        #expect(days.compactMap(\.violations).count == 4, "checked on days 7, 14, 21 and 28")
        #expect(summary.violations == 0)
        #expect(summary.requests > 30 && summary.booked > summary.requests / 2)
        #expect(summary.cancelled + summary.rescheduled > 0)
        #expect(try database.check().isValid)
        #expect(try database.recentRolls(limit: 40).count == 30)
    }

    @Test("the same seed gives the same days, figure for figure (timings aside)")
    func deterministic() async throws {
        func figures(_ days: [SimulatedDay]) -> [[Int]] {
            days.map {
                [$0.requests, $0.booked, $0.notBooked, $0.cancelled, $0.rescheduled, $0.overdue, $0.placedByRoll]
            }
        }
        let first = try await Self.run(days: 8, seed: 5).0
        let second = try await Self.run(days: 8, seed: 5).0
        #expect(figures(first) == figures(second))
    }
}
