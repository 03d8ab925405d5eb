import Foundation
import Testing

/// The API document checked by tools that share no code with telemed: openapi-spec-validator
/// reads it as OpenAPI 3.1, and schemathesis generates requests from it against the real server
/// and checks every answer against it.
@Suite("OpenAPI conformance", .serialized)
struct OpenAPIConformanceTests {
    static let document = TelemedProcess.packageRoot.appendingPathComponent(
        "Sources/TelemedServer/Resources/openapi.yaml")

    @Test("openapi.yaml is a valid OpenAPI document, and the server serves exactly that file")
    func documentIsValidAndServed() async throws {
        try PythonTools.require("openapi_spec_validator", package: "openapi-spec-validator")
        let validation = try PythonTools.python(["-m", "openapi_spec_validator", Self.document.path])
        #expect(validation.status == 0, "\(validation.standardOutput)\(validation.standardError)")

        let server = try RunningServer()
        defer { _ = server.stop() }
        let served = try await server.send("GET", "/openapi.yaml")
        #expect(served.status == 200)
        #expect(served.body == (try Data(contentsOf: Self.document)))
    }

    /// Bounded (examples per operation, fixed seed) so CI stays quick and repeatable. Runs as the
    /// admin, who may call every operation, so generated inputs reach the handlers rather than
    /// stopping at 403 (the role rules have their own tests); path parameters are given real ids
    /// (a site, a unit, a booking, two plan runs, a feed) so the handlers behind them run too.
    @Test("schemathesis against the running server: no 5xx, every answer as documented")
    func schemathesisFindsNothing() async throws {
        let schemathesis = try PythonTools.script("schemathesis", module: "schemathesis")
        let admin = "schemathesis-admin-token-0123456789"
        let server = try RunningServer(environment: ["TELEMED_ADMIN_TOKEN": admin])
        defer { _ = server.stop() }
        let ids = try await Self.realIds(server, admin: admin)
        let folder = TelemedProcess.temporaryFile("schemathesis")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("schemathesis.toml")
        try Self.configuration(ids).write(to: config, atomically: true, encoding: .utf8)
        let run = try TelemedProcess.run(
            [
                "--config-file", config.path, "run",
                server.baseURL.appendingPathComponent("openapi.yaml").absoluteString,
                "--url", server.baseURL.absoluteString,
                "--header", "Authorization: Bearer \(admin)",
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,"
                    + "response_headers_conformance,response_schema_conformance",
                "--phases", "examples,coverage,fuzzing",
                "--max-examples", "25", "--seed", "20261123", "--no-shrink", "--workers", "1",
                "--generation-database", "none", "--no-color",
            ], executable: schemathesis)
        #expect(run.status == 0, "schemathesis found problems:\n\(run.standardOutput)\n\(run.standardError)")
        // A run that tested nothing would pass too: every operation must have been exercised.
        let selected = try #require(Self.count(after: "Selected: ", in: run.standardOutput, through: "/"))
        #expect(selected > 10)
        #expect(Self.count(after: "Tested: ", in: run.standardOutput) == selected, "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("Missing test data"), "\(run.standardOutput)")
    }

    struct RealIds {
        var site: String
        var proposal: String
        var unit: String
        var booking: String
        /// A request on the waiting list.
        var waiting: String
        /// A delivery of the outbox (to an endpoint that refuses connections: pending).
        var delivery: String
        var plans: [String]
        var feed: String
        var campaign: String
    }

    /// A booking made, a request put on the waiting list, two plan runs started and a campaign
    /// created through the API, with the fixture's site and unit.
    static func realIds(_ server: RunningServer, admin: String) async throws -> RealIds {
        let site = "E-58-0001"
        let hooked = try TelemedProcess.run([
            "webhook", "add", "--db", server.database.path, "--url", "http://127.0.0.1:9/hook", "--events",
            "booking.confirmed",
        ])
        #expect(hooked.status == 0, "\(hooked.standardError)")
        var proposalIds: [String] = []
        var requestIds: [String] = []
        for (patient, waitlist) in [("P-ST-1", false), ("P-ST-2", false), ("P-ST-3", true)] {
            let request = try await server.send(
                "POST", "/api/v1/requests", token: admin,
                json: #"{"siteId": "\#(site)", "patientRef": "\#(patient)", "specialty": "dermatology", "#
                    + #""mode": "live", "urgency": "soon", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30, "#
                    + #""consent": {"givenBy": "representative", "recordedOn": "2027-03-15"}, "waitlist": \#(waitlist)}"#
            )
            #expect(request.status == 201, "\(request.text)")
            let proposals = try #require(try request.json()["proposals"] as? [[String: Any]])
            proposalIds.append(try #require(proposals.first?["id"] as? String))
            requestIds.append(try #require(try request.json()["requestId"] as? String))
        }
        let booked = try await server.send(
            "POST", "/api/v1/bookings", token: admin, json: #"{"proposalId": "\#(proposalIds[0])"}"#)
        #expect(booked.status == 201, "\(booked.text)")
        var plans: [String] = []
        for _ in 0..<2 {
            let started = try await server.send("POST", "/api/v1/plans", token: admin, json: #"{"kind": "reoptimise"}"#)
            #expect(started.status == 202, "\(started.text)")
            plans.append(try #require(try started.json()["id"] as? String))
        }
        var delivery: String?
        for _ in 0..<300 where delivery == nil {
            let outbox = try await server.send("GET", "/api/v1/admin/outbox?state=pending", token: admin)
            let deliveries = try outbox.json()["deliveries"] as? [[String: Any]]
            delivery = (deliveries?.first?["id"] as? Int).map(String.init)
            if delivery == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let campaign = try await server.send(
            "POST", "/api/v1/campaigns", token: admin,
            json: #"{"id": "C-ST", "name": "Dépistage ECG", "kind": "screening", "specialty": "cardiology", "#
                + #""mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "#
                + #""targets": [{"siteId": "T-58-0001", "patients": 3}], "minutesPerPatient": 15}"#)
        #expect(campaign.status == 201, "\(campaign.text)")
        let feed = server.credentials.feedPath("site", site).split(separator: "/").last.map(String.init) ?? ""
        return RealIds(
            site: site, proposal: proposalIds[1], unit: "U-58",
            booking: try #require(try booked.json()["id"] as? String), waiting: requestIds[2],
            delivery: try #require(delivery, "no delivery of the booking's event within 30 s"), plans: plans,
            feed: feed,
            campaign: "C-ST")
    }

    /// schemathesis.toml giving each operation's path parameters real values.
    static func configuration(_ ids: RealIds) -> String {
        let operations: [(path: String, parameters: [String: String])] = [
            ("/api/v1/sites/{id}/bookings", ["path.id": ids.site]),
            ("/api/v1/units/{id}/route", ["path.id": ids.unit]),
            ("/api/v1/bookings", ["body.proposalId": ids.proposal]),
            ("/api/v1/bookings/{id}", ["path.id": ids.booking]),
            ("/api/v1/bookings/{id}/cancel", ["path.id": ids.booking]),
            ("/api/v1/bookings/{id}/reschedule", ["path.id": ids.booking]),
            ("/api/v1/bookings/{id}/outcome", ["path.id": ids.booking]),
            ("/api/v1/sites/{id}/waitlist", ["path.id": ids.site]),
            ("/api/v1/requests/{id}/waitlist", ["path.id": ids.waiting]),
            ("/api/v1/requests/{id}/waitlist/decline", ["path.id": ids.waiting]),
            ("/api/v1/requests/{id}/waitlist/withdraw", ["path.id": ids.waiting]),
            ("/api/v1/admin/outbox/{id}/replay", ["path.id": ids.delivery]),
            ("/api/v1/plans/{id}", ["path.id": ids.plans[0]]),
            ("/api/v1/plans/{id}/compare/{other}", ["path.id": ids.plans[0], "path.other": ids.plans[1]]),
            ("/feeds/{file}", ["path.file": ids.feed]),
            ("/api/v1/campaigns/{id}", ["path.id": ids.campaign]),
        ]
        return operations.map { operation in
            let parameters = operation.parameters.sorted { $0.key < $1.key }
                .map { #""\#($0.key)" = "\#($0.value)""# }.joined(separator: ", ")
            return "[[operations]]\ninclude-path = \"\(operation.path)\"\nparameters = { \(parameters) }\n"
        }.joined(separator: "\n")
    }

    /// The number in `text` after `label` (`Selected: 13/13` → 13, reading up to `terminator`).
    static func count(after label: String, in text: String, through terminator: Character = "\n") -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(
            text[range.upperBound...].prefix { $0 != terminator && $0 != "\n" }.trimmingCharacters(in: .whitespaces))
    }
}
