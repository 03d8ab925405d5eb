import Foundation
import Logging
import ServiceLifecycle
import TelemedCore
import TelemedStore

/// The delivery worker of `telemed serve`: it fans new outbox events out into deliveries, sends
/// those that are due through their channel, and records each result (delivered, or the next try
/// by ``RetryPolicy``, or dead). At least once: a delivery is marked only after its channel
/// returned, so one in flight when the process is killed is sent again at the next start, under
/// the same event id (receivers deduplicate by `Telemed-Event-Id`).
///
/// Sleeps on the database's clock until the next delivery is due, and at most `poll` (changes
/// made by this server or another process show up within it). A failed round is logged; the next
/// one tries again.
public struct DeliveryWorker: Service {
    public static let poll: Duration = .milliseconds(500)
    /// How long events done with are kept (for admins and support), then forgotten.
    public static let retention: Duration = .seconds(30 * 86_400)

    let database: TelemedDatabase
    let channels: [Delivery.Channel: any DeliveryChannel]
    let retry: RetryPolicy
    let logger: Logger

    public init(
        database: TelemedDatabase, channels: [Delivery.Channel: any DeliveryChannel],
        retry: RetryPolicy = RetryPolicy(),
        logger: Logger
    ) {
        self.database = database
        self.channels = channels
        self.retry = retry
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var purged = Date.distantPast
                while true {
                    if database.clock.now().timeIntervalSince(purged) >= 3600 {
                        purged = database.clock.now()
                        purge()
                    }
                    await round()
                    let polled = database.clock.now().addingTimeInterval(Self.poll.timeInterval)
                    let next = (try? database.nextDeliveryAt()).flatMap { $0 } ?? polled
                    try await database.clock.sleep(until: min(next, polled))
                }
            }
        } catch is CancellationError {
            // Shutdown: deliveries not marked are sent again at the next start.
        }
    }

    /// One round: fan out, then send every due delivery, a few at a time. Returns how many were
    /// delivered (tests drive rounds one by one). Only the replica holding the `outbox` lease
    /// delivers (renewed before each batch), so replicas sharing a database never send an event twice;
    /// another takes over within ``leaseDuration`` of its holder stopping.
    @discardableResult
    public func round() async -> Int {
        do {
            guard try holdsLease() else { return 0 }
            try database.fanOutEvents(email: channels[.email] != nil)
            var delivered = 0
            while try holdsLease() {
                let due = try database.dueDeliveries(limit: 16)
                if due.isEmpty { break }
                delivered += await withTaskGroup(of: Bool.self) { group in
                    for delivery in due { group.addTask { await send(delivery) } }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                if due.count < 16 { break }
            }
            return delivered
        } catch {
            logger.error("Delivery round failed", metadata: ["error": "\(error)"])
            return 0
        }
    }

    /// How long the `outbox` lease lasts without renewal: longer than a batch of 16 deliveries
    /// takes (their timeouts run side by side).
    static let leaseDuration: TimeInterval = 120

    private func holdsLease() throws -> Bool {
        try database.acquireLease("outbox", holder: ReplicaIdentity.current, for: Self.leaseDuration)
    }

    /// Forgets the events done with for longer than ``retention``; hourly, at most.
    func purge() {
        do {
            let gone = try database.purgeEvents(
                before: database.clock.now().addingTimeInterval(-Self.retention.timeInterval))
            if gone > 0 { logger.info("Outbox events forgotten", metadata: ["events": "\(gone)"]) }
        } catch {
            logger.error("Outbox purge failed", metadata: ["error": "\(error)"])
        }
    }

    /// Sends one delivery and records the result; true when delivered.
    private func send(_ delivery: Delivery) async -> Bool {
        do {
            guard let channel = channels[delivery.channel] else {
                throw DeliveryFailure("no \(delivery.channel.rawValue) channel is configured")
            }
            try await channel.send(delivery)
            try database.markDelivered(delivery.id)
            logger.info(
                "Notification delivered",
                metadata: [
                    "event": "\(delivery.event.id)", "type": "\(delivery.event.type.rawValue)",
                    "channel": "\(delivery.channel.rawValue)", "attempt": "\(delivery.attempts + 1)",
                ])
            return true
        } catch {
            let failure = error as? DeliveryFailure ?? DeliveryFailure("\(error)")
            let next =
                failure.isPermanent
                ? nil
                : retry.nextAttempt(
                    after: delivery.attempts + 1, at: database.clock.now(), eventAt: delivery.event.occurredAt)
            try? database.markFailed(delivery.id, error: failure.message, retryAt: next)
            logger.warning(
                next == nil ? "Notification dead" : "Notification failed, will retry",
                metadata: [
                    "event": "\(delivery.event.id)", "channel": "\(delivery.channel.rawValue)",
                    "attempt": "\(delivery.attempts + 1)", "error": "\(failure.message)",
                ])
            return false
        }
    }
}
