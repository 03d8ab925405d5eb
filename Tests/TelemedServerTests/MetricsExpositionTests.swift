import Testing

@testable import TelemedServer

/// `/metrics` in the Prometheus text format: what scrapers parse.
@Suite("Metrics exposition")
struct MetricsExpositionTests {
    private func recorded() -> ServerMetrics {
        let metrics = ServerMetrics()
        metrics.recordRequest(method: "POST", route: "/api/v1/bookings", status: 201, seconds: 0.003)
        metrics.recordBooking("confirmed")
        metrics.recordBookingGroup(intents: 3)
        metrics.recordBookingGroup(intents: 1)
        metrics.recordPlanRun(kind: "whatif", outcome: "finished")
        return metrics
    }

    @Test("every sample follows the HELP and TYPE lines of its family, and each family is declared once")
    func familiesDeclared() {
        let lines = recorded().render().split(separator: "\n").map(String.init)
        var declared: [String: String] = [:]
        var helped: Set<String> = []
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            if line.hasPrefix("# HELP ") {
                #expect(helped.insert(words[2]).inserted, "\(words[2]) described twice")
            } else if line.hasPrefix("# TYPE ") {
                #expect(helped.contains(words[2]), "\(words[2]) typed before its HELP line")
                #expect(declared.updateValue(words[3], forKey: words[2]) == nil, "\(words[2]) typed twice")
            } else {
                let name = String(line.prefix { $0 != "{" && $0 != " " })
                let family = ["_bucket", "_sum", "_count"].reduce(name) { family, suffix in
                    declared[family] == nil && family.hasSuffix(suffix) ? String(family.dropLast(suffix.count)) : family
                }
                #expect(declared[family] != nil, "sample \(line) before its TYPE line")
            }
        }
    }

    @Test("group commits are counted: transactions and the confirmations they carried")
    func groupCommits() {
        let text = recorded().render()
        #expect(text.contains("\ntelemed_booking_groups_total 2\n"))
        #expect(text.contains("\ntelemed_booking_group_intents_total 4\n"))
        #expect(text.contains(#"telemed_bookings_total{event="confirmed"} 1"#))
        #expect(text.contains(#"telemed_plan_runs_total{kind="whatif",outcome="finished"} 1"#))
    }
}
