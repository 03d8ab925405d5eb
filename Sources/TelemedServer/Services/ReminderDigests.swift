import Foundation
import Logging
import ServiceLifecycle
import TelemedCore
import TelemedStore

/// The day-before reminders: every day at `at` (Paris time) it records tomorrow's
/// `reminder.digest` events, one per site and one per specialist with confirmed sessions, which
/// the delivery worker then sends. A server started after the hour records them at once, the same
/// day; a digest has one id per recipient and day, so a restart or a second wake never sends one
/// twice. Across a change of the clocks the hour is still the local hour (`NightlyRoll.nextRoll`).
struct ReminderDigests: Service {
    let database: TelemedDatabase
    let at: LocalTime
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    record(at: database.clock.now())
                    try await database.clock.sleep(until: NightlyRoll.nextRoll(after: database.clock.now(), at: at))
                }
            }
        } catch is CancellationError {
            // Shutdown between two days.
        }
    }

    /// Records tomorrow's digests when today's hour has come; nothing before it.
    @discardableResult
    func record(at now: Date) -> Int {
        let paris = WallClock.paris
        let today = paris.localDate(of: now)
        guard now >= paris.instant(on: today, at: at) else { return 0 }
        do {
            let recorded = try database.recordDigests(for: today.adding(days: 1))
            if recorded > 0 {
                logger.info(
                    "Reminder digests recorded",
                    metadata: ["date": "\(today.adding(days: 1))", "digests": "\(recorded)"])
            }
            return recorded
        } catch {
            logger.error("Reminder digests not recorded", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
