import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// The day-before reminders on a running server whose clock the test moves a quarter of an hour at
/// a time: each recipient's digest of a day goes out once, at the configured local hour, also on
/// the Sunday the clocks go forward (28 March 2027: 17:00 is then 15:00 UTC, not 16:00).
@Suite("Reminder digests")
struct ReminderDigestTests {
    static let quiet = Logger(label: "reminder-test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The feed fixture with two confirmed sessions of S-01 at E-58-0001: Friday 26 March (its
    /// digest goes out Thursday, winter time) and Monday 29 March (Sunday, summer time).
    static func database(clock: ServiceClock) throws -> TelemedDatabase {
        var scenario = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL)
        let paris = WallClock.paris
        func session(_ id: String, _ request: String, on day: Int) -> Booking {
            let start = paris.instant(
                on: LocalDate(year: 2027, month: 3, day: day)!, at: LocalTime(hour: 9, minute: 0)!)
            return Booking(
                id: Booking.ID(id), requestId: ConsultationRequest.ID(request), specialistId: "S-01",
                siteId: "E-58-0001", start: start, end: start.addingTimeInterval(1800), host: .siteEquipment,
                status: .confirmed)
        }
        scenario.bookings = [session("B-FRI", "R-4", on: 26), session("B-MON", "R-1", on: 29)]
        let database = try TelemedDatabase.inMemory(clock: clock)
        try database.importScenario(scenario, actor: "test")
        return database
    }

    @Test("one digest per recipient and day, at 17:00 local time, before and after the clocks change")
    func onceAtTheHourAcrossDST() async throws {
        let time = ManualTime(try ServiceClock.instant("2027-03-24T12:00:00+01:00"))
        let clock = ServiceClock.manual(time)
        let database = try Self.database(clock: clock)
        var configuration = ServerConfiguration(port: 0, reminderAt: LocalTime(hour: 17, minute: 0)!)
        configuration.deliversNotifications = false
        let app = try buildApplication(configuration: configuration, database: database, logger: Self.quiet)
        let paris = WallClock.paris
        let sessionDays: Set<LocalDate> = [
            LocalDate(year: 2027, month: 3, day: 26)!, LocalDate(year: 2027, month: 3, day: 29)!,
        ]
        try await app.test(.live) { client in
            let end = try ServiceClock.instant("2027-03-30T12:00:00+02:00")
            while clock.now() < end {
                time.advance(bySeconds: 900)
                let now = clock.now()
                let today = paris.localDate(of: now)
                let due = now >= paris.instant(on: today, at: LocalTime(hour: 17, minute: 0)!)
                // Digests of every session day whose eve's hour has come: one for the site, one for S-01.
                let expected =
                    sessionDays.filter { day in
                        day.adding(days: -1) < today || (day.adding(days: -1) == today && due)
                    }.count * 2
                try await Self.waitUntil("at \(now): \(expected) digests") {
                    try Self.digests(database).count == expected
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
        let digests = try Self.digests(database)
        #expect(digests.count == 4)
        for event in digests {
            let digest = try #require(event.digest)
            #expect(paris.localTime(of: event.occurredAt) == LocalTime(hour: 17, minute: 0)!, "\(digest.date)")
            #expect(paris.localDate(of: event.occurredAt) == digest.date.adding(days: -1))
            #expect(digest.sessions.count == 1)
        }
        let sunday = try #require(digests.first { $0.digest?.date == LocalDate(year: 2027, month: 3, day: 29)! })
        #expect(
            sunday.occurredAt == (try ServiceClock.instant("2027-03-28T15:00:00Z")), "summer time: 17:00 is 15:00 UTC")
        let thursday = try #require(digests.first { $0.digest?.date == LocalDate(year: 2027, month: 3, day: 26)! })
        #expect(thursday.occurredAt == (try ServiceClock.instant("2027-03-25T16:00:00Z")), "winter time: 16:00 UTC")
    }

    @Test("a server started after the hour sends that day's digests at once; none without the setting")
    func lateStart() async throws {
        for reminderAt in [LocalTime(hour: 17, minute: 0)!, nil] {
            let time = ManualTime(try ServiceClock.instant("2027-03-28T20:00:00+02:00"))
            let database = try Self.database(clock: .manual(time))
            var configuration = ServerConfiguration(port: 0, reminderAt: reminderAt)
            configuration.deliversNotifications = false
            let app = try buildApplication(configuration: configuration, database: database, logger: Self.quiet)
            try await app.test(.live) { client in
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
                if reminderAt != nil {
                    try await Self.waitUntil("the late digests") { try Self.digests(database).count == 2 }
                }
            }
            #expect(try Self.digests(database).count == (reminderAt == nil ? 0 : 2))
        }
    }

    static func digests(_ database: TelemedDatabase) throws -> [NotificationEvent] {
        try database.outboxEvents().filter { $0.type == .reminderDigest }
    }

    /// Polls `condition` for up to five minutes of real time (other suites may hold the threads).
    private static func waitUntil(_ message: @autoclosure () -> String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("not within 5 minutes: \(message())")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
