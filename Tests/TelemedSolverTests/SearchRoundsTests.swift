import Foundation
import Synchronization
import TelemedCore
import Testing

@testable import TelemedSolver

/// Two searches in rounds, each round from the best plan so far: reproducible for a seed and an
/// iteration limit, every search runs its iterations, and progress counts on across rounds.
@Suite("Search rounds")
struct SearchRoundsTests {
    @Test("two threads give the same plan twice, run every iteration, and report progress that never goes back")
    func roundsAreReproducible() throws {
        let scenario = try ScenarioCoder.load(contentsOf: SolverDemoTests.scenarioURL)
        let solver = try Solver(scenario: scenario)
        let options = SolverOptions(seed: 3, iterations: 60, threads: 2)
        let reports = Mutex<[SolverProgress]>([])
        let first = solver.solve(options) { step in reports.withLock { $0.append(step) } }
        let second = solver.solve(options)
        #expect(try ScenarioCoder.encode(first.plan) == ScenarioCoder.encode(second.plan))
        #expect(first.iterations == 2 * 60)
        #expect(SearchRounds.count > 1 && 60 % SearchRounds.count == 0)

        let steps = reports.withLock { $0 }
        // One report every ten iterations of the first search, through all rounds.
        #expect(steps.count >= 60 / 10)
        for (earlier, later) in zip(steps, steps.dropFirst()) {
            #expect(earlier.elapsed <= later.elapsed)
            #expect(earlier.best.served <= later.best.served)
        }
        // The first search's iterations: the last round's reports come after the earlier rounds'.
        let searched = steps.dropFirst().dropLast().map(\.iterations)
        #expect(searched == searched.sorted(), "\(searched)")
        #expect(searched.last! > 60 - 60 / SearchRounds.count && searched.last! <= 60, "\(searched)")
        #expect(steps.last?.iterations == 2 * 60)
        let report = try PlanChecker(scenario: scenario).check(first.plan)
        #expect(report.isValid, "\(report.violations.prefix(5).map(\.description))")
    }
}
