import Testing

@testable import TelemedServer

/// `/metrics` through swift-prometheus, one registry per application. The exposition's families
/// and labels are read back with Python's prometheus_client in `MetricsEndToEndTests`.
@Suite("Metrics exposition")
struct MetricsExpositionTests {
    private func recorded() -> ServerMetrics {
        let metrics = ServerMetrics()
        metrics.recordRequest(method: "POST", route: "/api/v1/bookings", status: 201, duration: .milliseconds(3))
        metrics.recordBooking(.confirmed)
        metrics.recordBookingGroup(intents: 3)
        metrics.recordBookingGroup(intents: 1)
        metrics.recordPlanRun(kind: "whatif", outcome: "finished")
        return metrics
    }

    @Test("group commits are counted: transactions and the confirmations they carried")
    func groupCommits() {
        let text = recorded().render()
        #expect(text.contains("\ntelemed_booking_groups_total 2\n"))
        #expect(text.contains("\ntelemed_booking_group_intents_total 4\n"))
        #expect(text.contains(#"telemed_bookings_total{event="confirmed"} 1"#))
        #expect(text.contains(#"telemed_bookings_total{event="cancelled"} 0"#))
        #expect(text.contains(#"telemed_plan_runs_total{kind="whatif",outcome="finished"} 1"#))
    }

    @Test("a 3 ms request falls in the 5 ms bucket and above, not in the 2.5 ms one")
    func latencyBuckets() {
        let text = recorded().render()
        let route = #"method="POST",route="/api/v1/bookings""#
        #expect(text.contains("telemed_http_request_duration_seconds_bucket{\(route),le=\"0.0025\"} 0"))
        #expect(text.contains("telemed_http_request_duration_seconds_bucket{\(route),le=\"0.005\"} 1"))
        #expect(text.contains("telemed_http_request_duration_seconds_bucket{\(route),le=\"+Inf\"} 1"))
        #expect(text.contains("telemed_http_request_duration_seconds_count{\(route)} 1"))
    }

    @Test("each application counts its own events: no process-wide registry")
    func independentApplications() {
        let busy = recorded()
        let quiet = ServerMetrics()
        busy.recordBooking(.confirmed)
        #expect(busy.render().contains(#"telemed_bookings_total{event="confirmed"} 2"#))
        #expect(quiet.render().contains(#"telemed_bookings_total{event="confirmed"} 0"#))
        #expect(!quiet.render().contains("telemed_http_requests_total{"))
    }
}
