import Foundation
import Logging
import ServiceLifecycle
import TelemedCore
import TelemedStore

/// The service that keeps the planning window on today: at start-up it rolls a database left
/// behind (a server stopped for days catches up, one day at a time), then once a night at
/// `rollAt`, local time. On the nights the clocks change the roll still happens once: a time in
/// the spring gap means the instant the clocks jump to, one that occurs twice its first
/// occurrence, and a second roll to the same date would change nothing anyway.
///
/// Time comes from the database's clock, so a test or a demo that moves the clock sees the
/// rolls happen; a failed roll is logged and tried again at the next time.
struct NightlyRoll: Service {
    let database: TelemedDatabase
    let rollAt: LocalTime
    let seed: UInt64
    let metrics: ServerMetrics
    /// Offered the new day's capacity after each roll.
    let waitlist: WaitlistOffers?
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    rollToToday()
                    await offerNewDays()
                    try await database.clock.sleep(until: Self.nextRoll(after: database.clock.now(), at: rollAt))
                }
            }
        } catch is CancellationError {
            // Shutdown: the wait was cancelled, and a roll in progress finished before it.
        }
    }

    /// The first instant after `now` at which clocks in Paris read `time`.
    static func nextRoll(after now: Date, at time: LocalTime) -> Date {
        let paris = WallClock.paris
        let today = paris.instant(on: paris.localDate(of: now), at: time)
        return today > now ? today : paris.instant(on: paris.localDate(of: now).adding(days: 1), at: time)
    }

    /// The waiting list's turn at the days the roll opened.
    private func offerNewDays() async {
        await waitlist?.offerFreed(by: "roll")
    }

    /// Rolls to the clock's date in the service's own task, as plan runs solve in theirs: a day's
    /// roll holds the write lock and a core for up to a couple of seconds at 02:00. (A hop to a
    /// dispatch queue was tried: on Linux the queues share their threads with the cooperative
    /// pool, and under load the roll waited behind it for minutes.)
    private func rollToToday() {
        do {
            // One replica rolls; the others find the window rolled when their turn comes.
            guard try database.acquireLease("roll", holder: ReplicaIdentity.current, for: 30 * 60) else {
                logger.info("Planning window roll left to another replica")
                return
            }
            defer { try? database.releaseLease("roll", holder: ReplicaIdentity.current) }
            try WindowRoller(database: database, seed: seed, actor: "roll").catchUp { day in
                metrics.recordPlanRun(kind: WindowRoller.kind, outcome: "finished")
                logger.info(
                    "Planning window rolled",
                    metadata: [
                        "date": "\(day.date)", "placed": "\(day.placed)", "repaired": "\(day.repaired)",
                        "overdue": "\(day.openOverdue)", "unplaced": "\(day.unplaced)",
                    ])
            }
        } catch {
            metrics.recordPlanRun(kind: WindowRoller.kind, outcome: "failed")
            logger.error("Planning window not rolled", metadata: ["error": "\(error)"])
        }
    }
}
