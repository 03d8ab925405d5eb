import Logging
import TelemedCore
import TelemedStore

/// Records what became of sessions, for the API and every page that offers the outcome buttons:
/// who may (``AccessRole/requireSession(of:)``), the store's checked change, the metric and the
/// log line, the same from every door.
struct SessionOutcomes: Sendable {
    let store: any BookingStore
    let metrics: ServerMetrics
    /// A session not held frees its slot and puts its request back on the waiting list.
    let waitlist: WaitlistOffers

    /// The booking after the change, or the conflict that refused it (a session turned back from
    /// `notHeld` whose request was booked again). Store refusals (not started, cancelled, a reason
    /// that does not fit) are thrown as ``StoreError``.
    func record(
        _ booking: Booking, _ outcome: SessionOutcome, reason: OutcomeReason?, expectedVersion: Int? = nil,
        role: AccessRole, logger: Logger
    ) async throws -> BookingOutcome {
        try role.requireSession(of: booking)
        let result = try store.recordOutcome(
            booking.id, outcome, reason: reason, expectedVersion: expectedVersion, actor: role.description)
        if let recorded = result.value, recorded.version != booking.version {
            metrics.recordBooking(.init(outcome))
            logger.info(
                "Session outcome recorded",
                metadata: ["booking": "\(recorded.id)", "site": "\(recorded.siteId)", "outcome": "\(outcome)"])
            if outcome == .notHeld { await waitlist.offerFreed(by: "notHeld") }
        }
        return result
    }
}
