import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Plan runs")
struct PlanTests {
    private struct PlanBody: Decodable {
        var id: String
        var status: String
        var kpis: PlanKPIsBody?
        var unassigned: [UnassignedRequest]?
    }

    private struct PlanKPIsBody: Decodable {
        var requests: Int
        var served: Int
    }

    private struct ComparisonBody: Decodable {
        var a: Column
        var b: Column

        struct Column: Decodable {
            var id: String
            var kpis: PlanKPIsBody
        }
    }

    @Test("a what-if runs in the background, never touches live bookings, and compares with a re-optimisation")
    func whatIfLeavesBookings() async throws {
        let fixture = try ServerFixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let before = try fixture.database.schedule().scenario.bookings
        let generation = try fixture.database.changeGeneration()
        let horizon = LocalDate(year: 2027, month: 3, day: 22)!.through(LocalDate(year: 2027, month: 4, day: 2)!)
        let closed = horizon.map { "\"\($0)\"" }.joined(separator: ", ")
        try await fixture.app().test(.router) { client in
            var ids: [String] = []
            for body in [
                #"{"kind": "whatif", "changes": [{"kind": "closeSite", "siteId": "E-58-0001", "dates": [\#(closed)]}]}"#,
                #"{"kind": "reoptimise"}"#,
            ] {
                try await client.execute(
                    uri: "/api/v1/plans", method: .post, headers: planner, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .accepted)
                    let run = try response.decode(PlanBody.self)
                    #expect(response.headers[.location] == "/api/v1/plans/\(run.id)")
                    #expect(run.status == "running")
                    ids.append(run.id)
                }
            }
            var finished: [PlanBody] = []
            for id in ids {
                var run: PlanBody
                repeat {
                    try await Task.sleep(for: .milliseconds(50))
                    run = try await client.execute(uri: "/api/v1/plans/\(id)", method: .get, headers: planner) {
                        try $0.decode(PlanBody.self)
                    }
                } while run.status == "running"
                #expect(run.status == "finished")
                finished.append(run)
            }
            // With the EHPAD closed, its requests are unassigned, each with a reason.
            #expect(finished[0].unassigned?.isEmpty == false)
            #expect(finished[0].kpis!.served < finished[1].kpis!.served)
            try await client.execute(
                uri: "/api/v1/plans/\(ids[0])/compare/\(ids[1])", method: .get, headers: planner
            ) { response in
                #expect(response.status == .ok)
                let comparison = try response.decode(ComparisonBody.self)
                #expect(comparison.a.id == ids[0])
                #expect(comparison.b.kpis.served == finished[1].kpis!.served)
            }
        }
        #expect(try fixture.database.schedule().scenario.bookings == before)
        #expect(try fixture.database.changeGeneration() == generation)
    }

    @Test("a what-if naming an unknown unit is a 400 before anything runs")
    func unknownIdInChange() async throws {
        let fixture = try ServerFixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/plans", method: .post, headers: planner,
                body: ByteBuffer(string: #"{"kind": "whatif", "changes": [{"kind": "removeUnit", "unitId": "U-09"}]}"#)
            ) { response in
                let problem = try response.decode(ProblemBody.self)
                #expect(response.status == .badRequest)
                #expect(problem.detail.contains("changes[0].unitId: unknown unit"))
            }
        }
        #expect(try fixture.database.planRuns().isEmpty)
    }
}

@Suite("Operations")
struct OperationsTests {
    @Test("/metrics counts requests by route pattern and status, never by raw path")
    func metrics() async throws {
        let fixture = try ServerFixture()
        let feed = fixture.feed("site", ServerFixture.ehpad)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: feed.path, method: .get) { _ in }
            try await client.execute(uri: "/api/v1/plans/x", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(
                    text.contains(#"telemed_http_requests_total{method="GET",route="/feeds/{file}",status="200"} 1"#))
                #expect(text.contains(#"route="/api/v1/plans/{id}",status="401"} 1"#))
                #expect(text.contains(#"telemed_bookings_total{event="confirmed"} 0"#))
                #expect(!text.contains(feed.secret))
            }
        }
    }

    @Test("a method a path does not serve is a 405 with Allow; HEAD is answered wherever GET is")
    func methods() async throws {
        let fixture = try ServerFixture()
        let admin = ServerFixture.bearer(fixture.credentials.adminToken!)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .trace) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/v1/bookings/B-1", method: .delete, headers: admin) { response in
                #expect(response.status == .methodNotAllowed)
            }
            try await client.execute(uri: fixture.feed("unit", "U-58").path, method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
            }
        }
    }

    @Test("/openapi.yaml serves the document checked in at the repository root")
    func openAPI() async throws {
        let fixture = try ServerFixture()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let checkedIn = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == checkedIn)
                for path in [
                    "/api/v1/requests:", "/api/v1/bookings:", "/api/v1/plans/{id}/compare/{other}:", "/feeds/{file}:",
                ] {
                    #expect(checkedIn.contains("  \(path)\n"))
                }
            }
        }
    }
}
