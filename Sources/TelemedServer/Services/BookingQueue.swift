import TelemedStore

/// Group commit of confirmations. Each `POST /bookings` waits here while the store's writer
/// commits the previous group; the confirmations that arrived meanwhile are then committed
/// together in one transaction (``BookingStore/book(_:)``), in arrival order, each with its own
/// outcome. Under load this turns one transaction per booking into one per group; when idle, a
/// confirmation is a group of one and waits for nothing.
///
/// Waiting suspends the request's task instead of blocking a thread, so the server keeps reading
/// and answering other requests while the writer works.
actor BookingQueue {
    private typealias Waiting = (intent: BookingIntent, reply: CheckedContinuation<BookingOutcome, any Error>)

    /// A bound on one transaction's length: a group this large is checked in a few milliseconds.
    static let largestGroup = 128

    private let store: any BookingStore
    private let metrics: ServerMetrics
    private var waiting: [Waiting] = []
    private var committing = false

    init(store: any BookingStore, metrics: ServerMetrics) {
        self.store = store
        self.metrics = metrics
    }

    /// Books `intent` in the next group; its outcome, or the error that refused it alone (an
    /// unknown reference) or the whole group (the database).
    func book(_ intent: BookingIntent) async throws -> BookingOutcome {
        try await withCheckedThrowingContinuation { reply in
            waiting.append((intent, reply))
            if !committing {
                committing = true
                Task { await commitWaiting() }
            }
        }
    }

    private func commitWaiting() async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(Self.largestGroup))
            waiting.removeFirst(group.count)
            metrics.recordBookingGroup(intents: group.count)
            do {
                let results = try await store.book(group.map(\.intent))
                for (waiting, result) in zip(group, results) { waiting.reply.resume(with: result) }
            } catch {
                for waiting in group { waiting.reply.resume(throwing: error) }
            }
        }
        committing = false
    }
}
