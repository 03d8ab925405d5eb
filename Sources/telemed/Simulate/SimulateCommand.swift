import ArgumentParser
import Foundation
import TelemedCore
import TelemedServer
import TelemedSolver
import TelemedStore

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run days of the programme through the service's own code on a simulated clock.",
        discussion: """
            On a missing file, first sets up the demo region starting on --start (planned with \
            --setup-iterations, its first two weeks confirmed); on an existing file, continues from \
            the file's today. Each simulated day staff make the day's requests (the demo region's rate \
            and mix) between 08:00 and 17:00 and confirm a proposal for most of them (half of the \
            others go on the waiting list, whose held slots they answer at 08:00), a few confirmed \
            sessions are cancelled or moved, the day's outcomes are recorded at 17:00, and the window \
            rolls at 02:00: the same proposal offer, booking, cancellation, waiting-list offers and \
            roll the server runs, in process, on a clock that jumps instead of sleeping. Every seventh day the plan checker runs over the window and `db check` over \
            the file. Prints one JSON object per day, then a summary line; exits 1 on any violation.

            Example: telemed simulate --db /tmp/year.sqlite --days 365 --seed 1
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many days to simulate.")
    var days: Int

    @Option(help: "Seed of the demand, the staff's choices and the placements.")
    var seed: UInt64 = 1

    @Option(help: "First day of a new file's demo region, YYYY-MM-DD.", transform: parseDate)
    var start = LocalDate(year: 2027, month: 1, day: 4)!

    @Option(help: "Improvement iterations of a new file's first plan (reproducible, unlike a time limit).")
    var setupIterations = 200

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError("--days must be 1–3660, not \(days)") }
        guard setupIterations >= 0 else { throw ValidationError("--setup-iterations cannot be negative") }
    }

    func run() async throws {
        let template = try DemoRegionGenerator.demo(startingOn: start)
        let exists = FileManager.default.fileExists(atPath: database.path)
        let opening = WallClock.paris.instant(on: start, at: LocalTime(hour: 7, minute: 0)!)
        let time = ManualTime(opening)
        let store = try database.open(clock: .manual(time))
        if !exists {
            Output.note("Setting up the demo region from \(start) in \(database.shown)…")
            let setup = RegionSetup(
                scenario: template, solver: SolverOptions(seed: seed, iterations: setupIterations))
            _ = try StoreFailure.wrap { try setup.run(into: store) }
        } else {
            let stored = try StoreFailure.wrap { try store.exportScenario() }
            guard Set(template.sites.map(\.id)).isSubset(of: stored.sites.map(\.id)) else {
                throw InputError(
                    "\(database.shown) holds \(stored.name), not the demo region: simulate runs the demo's demand.")
            }
            let today = stored.horizon.start
            time.set(to: max(opening, WallClock.paris.instant(on: today, at: LocalTime(hour: 7, minute: 0)!)))
        }
        let simulation = try ServiceSimulation(
            database: store, time: time, seed: seed, template: template, path: database.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let summary = try await simulation.run(days: days) { day in
            if let line = try? encoder.encode(day) { print(String(decoding: line, as: UTF8.self)) }
        }
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        guard summary.violations == 0 else {
            Output.note("\(summary.violations) violation(s) over \(summary.days) days: see the log above.")
            throw ExitCode(1)
        }
    }
}
