import Foundation
import Synchronization
import TelemedStore

/// The few series `/metrics` exposes, in the Prometheus text format (version 0.0.4): requests by
/// method, route and status with a latency histogram, consultation requests by outcome, bookings
/// confirmed and cancelled, the group commits of confirmations, plan runs by kind and outcome, and
/// the changes re-optimisations applied.
///
/// Hand-written rather than swift-metrics with swift-prometheus: those route every series through
/// one process-wide `MetricsSystem.bootstrap`, which the in-process tests (many applications in one
/// process) cannot each own; this set is one value per application, and small.
final class ServerMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]

    private struct RouteKey: Hashable, Comparable {
        var method: String
        var route: String

        static func < (a: RouteKey, b: RouteKey) -> Bool { (a.route, a.method) < (b.route, b.method) }
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private struct State {
        var routes: [RouteKey: [Int: Int]] = [:]
        var latencies: [RouteKey: Histogram] = [:]
        var requests: [String: Int] = ["offered": 0, "none": 0]
        var bookings: [String: Int] = ["confirmed": 0, "cancelled": 0]
        var planRuns: [String: Int] = [:]
        var planChanges: [String: Int] = Dictionary(
            uniqueKeysWithValues: PlanApplication(appliedAt: .distantPast).changes.map { ($0.name, 0) })
        var bookingGroups = 0
        var bookingGroupIntents = 0
    }

    private let state = Mutex(State())

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let key = RouteKey(method: method, route: route)
        state.withLock { state in
            state.routes[key, default: [:]][status, default: 0] += 1
            var histogram = state.latencies[key] ?? Histogram()
            if let bucket = Self.buckets.firstIndex(where: { seconds <= $0 }) { histogram.counts[bucket] += 1 }
            histogram.sum += seconds
            histogram.total += 1
            state.latencies[key] = histogram
        }
    }

    /// A consultation request stored: `offered` when it got proposals, `none` when nothing fitted.
    func recordConsultationRequest(offered: Bool) {
        state.withLock { $0.requests[offered ? "offered" : "none", default: 0] += 1 }
    }

    /// `event`: `confirmed` or `cancelled`.
    func recordBooking(_ event: String) {
        state.withLock { $0.bookings[event, default: 0] += 1 }
    }

    /// One group commit of `intents` confirmations (``BookingQueue``).
    func recordBookingGroup(intents: Int) {
        state.withLock { state in
            state.bookingGroups += 1
            state.bookingGroupIntents += intents
        }
    }

    /// `kind`: `reoptimise` or `whatif`; `outcome`: `finished` or `failed`.
    func recordPlanRun(kind: String, outcome: String) {
        state.withLock { $0.planRuns["kind=\"\(kind)\",outcome=\"\(outcome)\"", default: 0] += 1 }
    }

    /// What a re-optimisation applied: bookings rescheduled, cancelled, added or skipped, routes
    /// replaced, removed or kept.
    func recordPlanApplication(_ applied: PlanApplication) {
        state.withLock { state in
            for (name, count) in applied.changes { state.planChanges[name, default: 0] += count }
        }
    }

    /// The exposition text.
    func render() -> String {
        let state = state.withLock { $0 }
        var lines: [String] = [
            "# HELP telemed_http_requests_total HTTP requests by method, route and status.",
            "# TYPE telemed_http_requests_total counter",
        ]
        for key in state.routes.keys.sorted() {
            for (status, count) in state.routes[key]!.sorted(by: { $0.key < $1.key }) {
                lines.append("telemed_http_requests_total{\(labels(key)),status=\"\(status)\"} \(count)")
            }
        }
        lines += [
            "# HELP telemed_http_request_duration_seconds Time from request to response, by method and route.",
            "# TYPE telemed_http_request_duration_seconds histogram",
        ]
        for key in state.latencies.keys.sorted() {
            let histogram = state.latencies[key]!
            var cumulative = 0
            for (bound, count) in zip(Self.buckets, histogram.counts) {
                cumulative += count
                lines.append(
                    "telemed_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("telemed_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(histogram.total)")
            lines.append("telemed_http_request_duration_seconds_sum{\(labels(key))} \(histogram.sum)")
            lines.append("telemed_http_request_duration_seconds_count{\(labels(key))} \(histogram.total)")
        }
        lines += counter(
            "telemed_consultation_requests_total", "Consultation requests stored, by whether proposals were offered.",
            labelled("outcome", state.requests))
        lines += counter(
            "telemed_bookings_total", "Bookings confirmed and cancelled through the API.",
            labelled("event", state.bookings))
        lines += counter(
            "telemed_booking_groups_total", "Transactions that committed queued confirmations (group commit).",
            [("", state.bookingGroups)])
        lines += counter(
            "telemed_booking_group_intents_total", "Confirmations committed by those transactions.",
            [("", state.bookingGroupIntents)])
        lines += counter(
            "telemed_plan_runs_total", "Background plan runs by kind and outcome.",
            state.planRuns.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        lines += counter(
            "telemed_plan_changes_total", "Changes re-optimisation runs applied to the live schedule, by kind.",
            labelled("change", state.planChanges))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A counter family: its HELP and TYPE lines, then one line per series (`labels` is the label
    /// set's text, empty for a series without labels).
    private func counter(_ name: String, _ help: String, _ series: [(labels: String, count: Int)]) -> [String] {
        ["# HELP \(name) \(help)", "# TYPE \(name) counter"]
            + series.map { $0.labels.isEmpty ? "\(name) \($0.count)" : "\(name){\($0.labels)} \($0.count)" }
    }

    /// One series per value of a single label, sorted by value.
    private func labelled(_ label: String, _ counts: [String: Int]) -> [(labels: String, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { ("\(label)=\"\($0.key)\"", $0.value) }
    }

    /// Routes are the router's patterns (`/api/v1/bookings/{id}`), never a raw path: a feed's
    /// secret must not reach the metrics, and label sets stay bounded.
    private func labels(_ key: RouteKey) -> String {
        "method=\"\(key.method)\",route=\"\(key.route)\""
    }
}
