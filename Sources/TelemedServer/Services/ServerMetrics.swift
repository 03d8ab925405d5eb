import Prometheus
import TelemedCore
import TelemedStore

/// The series `/metrics` exposes: requests by method, route and status with a latency histogram,
/// consultation requests by outcome, bookings confirmed and cancelled, the group commits of
/// confirmations, plan runs by kind and outcome, and the changes re-optimisations applied.
///
/// Each application owns its ``PrometheusCollectorRegistry``; nothing is bootstrapped process-wide
/// (`MetricsSystem.bootstrap` can happen once per process, and the in-process tests run many
/// applications side by side, each with its own counts).
final class ServerMetrics: Sendable {
    /// A confirmation or a cancellation of a booking, as the `event` label says it.
    enum BookingEvent: String, CaseIterable, Sendable {
        case confirmed, cancelled, done, noShow, notHeld

        init(_ outcome: SessionOutcome) {
            switch outcome {
            case .done: self = .done
            case .noShow: self = .noShow
            case .notHeld: self = .notHeld
            }
        }
    }

    /// Upper bounds of the latency histogram.
    static let buckets: [Duration] = [
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(10),
    ]

    let registry: PrometheusCollectorRegistry

    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        // Series a dashboard expects before the first event, at zero.
        for offered in [true, false] { _ = consultationRequests(offered: offered) }
        for event in BookingEvent.allCases { _ = bookings(event) }
        _ = bookingGroups
        _ = bookingGroupIntents
        for (change, _) in PlanApplication(appliedAt: .distantPast).changes { _ = planChanges(change) }
    }

    /// Routes are the router's patterns (`/api/v1/bookings/{id}`), never a raw path: a feed's
    /// secret must not reach the metrics, and label sets stay bounded.
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "telemed_http_requests_total",
            labels: [("method", method), ("route", route), ("status", String(status))],
            help: "HTTP requests by method, route and status."
        ).increment()
        registry.makeDurationHistogram(
            name: "telemed_http_request_duration_seconds", labels: [("method", method), ("route", route)],
            buckets: Self.buckets, help: "Time from request to response, by method and route."
        ).record(duration)
    }

    /// A consultation request stored: `offered` when it got proposals, `none` when nothing fitted.
    func recordConsultationRequest(offered: Bool) {
        consultationRequests(offered: offered).increment()
    }

    func recordBooking(_ event: BookingEvent) {
        bookings(event).increment()
    }

    /// One group commit of `intents` confirmations (``BookingQueue``).
    func recordBookingGroup(intents: Int) {
        bookingGroups.increment()
        bookingGroupIntents.increment(by: Int64(intents))
    }

    /// `kind`: `reoptimise`, `whatif` or `roll`; `outcome`: `finished` or `failed`.
    func recordPlanRun(kind: String, outcome: String) {
        registry.makeCounter(
            name: "telemed_plan_runs_total", labels: [("kind", kind), ("outcome", outcome)],
            help: "Background plan runs by kind and outcome."
        ).increment()
    }

    /// What a re-optimisation applied: bookings rescheduled, cancelled, added or skipped, routes
    /// replaced, removed or kept.
    func recordPlanApplication(_ applied: PlanApplication) {
        for (change, count) in applied.changes { planChanges(change).increment(by: Int64(count)) }
    }

    /// The exposition, in the Prometheus text format (version 0.0.4).
    func render() -> String {
        registry.emitToString()
    }

    private func consultationRequests(offered: Bool) -> Counter {
        registry.makeCounter(
            name: "telemed_consultation_requests_total", labels: [("outcome", offered ? "offered" : "none")],
            help: "Consultation requests stored, by whether proposals were offered.")
    }

    private func bookings(_ event: BookingEvent) -> Counter {
        registry.makeCounter(
            name: "telemed_bookings_total", labels: [("event", event.rawValue)],
            help: "Bookings confirmed and cancelled through the API and the pages.")
    }

    private var bookingGroups: Counter {
        registry.makeCounter(
            name: "telemed_booking_groups_total",
            help: "Transactions that committed queued confirmations (group commit).")
    }

    private var bookingGroupIntents: Counter {
        registry.makeCounter(
            name: "telemed_booking_group_intents_total", help: "Confirmations committed by those transactions.")
    }

    private func planChanges(_ change: String) -> Counter {
        registry.makeCounter(
            name: "telemed_plan_changes_total", labels: [("change", change)],
            help: "Changes re-optimisation runs applied to the live schedule, by kind.")
    }
}
