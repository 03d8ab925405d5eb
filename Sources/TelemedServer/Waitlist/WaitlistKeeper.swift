import Foundation
import Logging
import ServiceLifecycle
import TelemedCore
import TelemedStore

/// The service that keeps the waiting list's offers moving when no request does: it wakes when
/// the next hold expires (the slot then passes to the next request) and every ``poll`` to catch
/// what other processes freed (`telemed availability import --db` on the same file, a command
/// that cancels): when the store's change generation moved since its last pass, it offers again.
/// Changes made by this server offer at once (``WaitlistOffers`` is called by the cancellation,
/// the outcome and the roll themselves).
///
/// Time comes from the database's clock, as for ``NightlyRoll``; a failed pass is logged and the
/// next one tries again.
struct WaitlistKeeper: Service {
    static let poll: Duration = .seconds(300)

    let database: TelemedDatabase
    let offers: WaitlistOffers
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var seen: Int64 = -1
                while true {
                    seen = await pass(after: seen)
                    try await database.clock.sleep(until: nextWake())
                }
            }
        } catch is CancellationError {
            // Shutdown: the wait was cancelled.
        }
    }

    /// One pass: lapses expired holds and offers when something changed since generation `seen`;
    /// returns the generation it leaves.
    func pass(after seen: Int64) async -> Int64 {
        do {
            let expired = try database.nextOfferExpiry().map { $0 <= database.clock.now() } ?? false
            let generation = try database.changeGeneration()
            if expired || generation != seen {
                try await offers.offer(trigger: "keeper")
            }
            return try database.changeGeneration()
        } catch {
            logger.error("Waitlist offers failed", metadata: ["error": "\(error)"])
            return seen
        }
    }

    /// The next hold's expiry, or the next poll if sooner.
    func nextWake() throws -> Date {
        let polled = database.clock.now().addingTimeInterval(Self.poll.timeInterval)
        return min(try database.nextOfferExpiry() ?? polled, polled)
    }
}
