import Foundation
import Testing

/// `/metrics` of the real `telemed serve`, read by Python's prometheus_client: the families a
/// scraper finds, their types and their labels.
@Suite("metrics end to end", .serialized)
struct MetricsEndToEndTests {
    @Test("the exposition parses; every family has its type, help and labels; routes are patterns, not paths")
    func familiesAndLabels() async throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        let staff = try #require(server.credentials.siteTokens[ServeCommandTests.ehpad])
        let request = try await server.send(
            "POST", "/api/v1/requests", token: staff, json: ServeCommandTests.dermatology(patient: "P-METRICS-1"))
        #expect(request.status == 201, "\(request.text)")
        #expect(try await server.send("GET", "/api/v1/bookings/B-DOES-NOT-EXIST", token: staff).status == 404)
        let feed = server.credentials.feedPath("site", ServeCommandTests.ehpad)
        #expect(try await server.send("GET", feed).status == 200)

        let exposition = try await server.send("GET", "/metrics")
        #expect(exposition.status == 200)
        #expect(exposition.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let report = try PythonMetricsCheck.check(exposition.text)

        // prometheus_client names a counter's family without its `_total` suffix.
        let expected: [(name: String, type: String, labels: Set<String>)] = [
            ("telemed_http_requests", "counter", ["method", "route", "status"]),
            ("telemed_http_request_duration_seconds", "histogram", ["method", "route", "le"]),
            ("telemed_consultation_requests", "counter", ["outcome"]),
            ("telemed_bookings", "counter", ["event"]),
            ("telemed_booking_groups", "counter", []),
            ("telemed_booking_group_intents", "counter", []),
            ("telemed_plan_changes", "counter", ["change"]),
        ]
        for family in expected {
            let found = try #require(report.family(family.name), "no family \(family.name)")
            #expect(found.type == family.type, "\(family.name)")
            #expect(!found.help.isEmpty, "\(family.name) has no HELP")
            #expect(found.labelNames == family.labels, "\(family.name): \(found.labelNames)")
        }

        let requests = try #require(report.family("telemed_http_requests")).samples
        #expect(requests.contains { $0.labels == ["method": "POST", "route": "/api/v1/requests", "status": "201"] })
        #expect(
            requests.contains { $0.labels == ["method": "GET", "route": "/api/v1/bookings/{id}", "status": "404"] })
        let routes = Set(requests.compactMap { $0.labels["route"] })
        #expect(routes.allSatisfy { !$0.contains("B-DOES-NOT-EXIST") && !feed.hasSuffix($0) }, "\(routes)")
        let outcomes = try #require(report.family("telemed_consultation_requests")).samples.map(\.labels)
        #expect(Set(outcomes) == [["outcome": "offered"], ["outcome": "none"]])
    }
}
