import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// A running server (live, on a port) whose clock the test moves hour by hour: the planning
/// window must roll once per night at 02:00 local time, through month and year ends and the
/// nights the clocks change.
@Suite("Nightly roll")
struct NightlyRollTests {
    /// The feed fixture's region with its requests and bookings dropped and its horizon moved to
    /// `start`: the rolls are what is watched, not the placement.
    private static func database(startingOn start: LocalDate, clock: ServiceClock) throws -> TelemedDatabase {
        var scenario = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL)
        scenario.horizon = Horizon(start: start, end: start.adding(days: 6))
        scenario.requests = []
        scenario.bookings = []
        let database = try TelemedDatabase.inMemory(clock: clock)
        try database.importScenario(scenario, actor: "test")
        try database.setWindowWeeks(1, actor: "test")
        return database
    }

    /// No log lines: a roll logs each day, and standard output is a pipe the test runner may not
    /// drain while tests run, so a write could block the roll.
    static let quiet = Logger(label: "nightly-roll-test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The days rolled onto, in order, each with the local time of its roll.
    private static func rolls(_ database: TelemedDatabase) throws -> [(date: String, time: LocalTime)] {
        try database.auditEntries(limit: 10_000).reversed().filter { $0.action == "window.roll" }.map {
            ($0.entityId, WallClock.paris.localTime(of: $0.occurredAt))
        }
    }

    @Test(
        "the window rolls once per night at 02:00 across a month end, a year end and both clock changes",
        arguments: [
            // Month and year end.
            ("2027-12-28T12:00:00+01:00", 7, [String]()),
            // Spring forward (Sunday 26 March 2028: 02:00 does not exist, the roll runs at 03:00)
            // and the end of March.
            ("2028-03-24T12:00:00+01:00", 10, ["2028-03-26"]),
            // Fall back (Sunday 31 October 2027: 02:00–03:00 happens twice, one roll) and the end of October.
            ("2027-10-29T12:00:00+02:00", 5, []),
        ])
    func rollsOncePerNight(start: String, nights: Int, springForward: [String]) async throws {
        let time = ManualTime(try ServiceClock.instant(start))
        let clock = ServiceClock.manual(time)
        let first = clock.today()
        let database = try Self.database(startingOn: first, clock: clock)
        let configuration = ServerConfiguration(
            port: 0, planTimeLimit: .milliseconds(200), rollAt: LocalTime(hour: 2, minute: 0)!)
        let app = try buildApplication(configuration: configuration, database: database, logger: Self.quiet)
        try await app.test(.live) { client in
            for _ in 0..<(nights * 24) {
                time.advance(bySeconds: 3600)
                // Before 02:00 the database stays on the day before; from 02:00 on it is today.
                let now = clock.now()
                let local = WallClock.paris.localTime(of: now)
                let expected = clock.today().adding(days: local < LocalTime(hour: 2, minute: 0)! ? -1 : 0)
                try await Self.waitUntil(
                    "at \(now) the database should be at \(max(expected, first)), is at \(try database.planningWindow().today)"
                ) { try database.planningWindow().today == max(expected, first) }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
        let rolls = try Self.rolls(database)
        #expect(rolls.map(\.date) == (1...nights).map { first.adding(days: $0).description })
        for roll in rolls {
            let expected =
                springForward.contains(roll.date) ? LocalTime(hour: 3, minute: 0)! : LocalTime(hour: 2, minute: 0)!
            #expect(roll.time == expected, "the roll onto \(roll.date) ran at \(roll.time)")
        }
        #expect(try database.check().isValid)
    }

    @Test("a server started on a database days behind its clock catches up at once, one day at a time")
    func catchesUpAtStart() async throws {
        let time = ManualTime(try ServiceClock.instant("2027-12-30T10:00:00+01:00"))
        let clock = ServiceClock.manual(time)
        let database = try Self.database(startingOn: LocalDate(year: 2027, month: 12, day: 26)!, clock: clock)
        let configuration = ServerConfiguration(port: 0, rollAt: LocalTime(hour: 2, minute: 0)!)
        let app = try buildApplication(configuration: configuration, database: database, logger: Self.quiet)
        try await app.test(.live) { _ in
            try await Self.waitUntil { try database.planningWindow().today == clock.today() }
        }
        #expect(try Self.rolls(database).map(\.date) == ["2027-12-27", "2027-12-28", "2027-12-29", "2027-12-30"])
    }

    /// Polls `condition` for up to five minutes of real time: the roll takes milliseconds, but
    /// other suites running at once block the cooperative threads with subprocesses for long
    /// stretches, and neither the server's loop nor this one runs meanwhile.
    private static func waitUntil(
        _ message: @autoclosure () throws -> String = "", _ condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("the condition did not hold within 5 minutes: \(try message())")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
