import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TelemedServer

@Suite("Refusals")
struct RefusalTests {
    /// Posts `body` to `uri` as the admin and returns the status and the problem.
    private func refusal(
        _ fixture: ServerFixture, _ uri: String, _ body: String, contentType: String = "application/json"
    ) async throws -> (HTTPResponse.Status, ProblemBody) {
        let before = try fixture.database.changeGeneration()
        var fields = ServerFixture.bearer(fixture.credentials.adminToken!)
        fields[.contentType] = contentType
        let headers = fields
        let result = try await fixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
                response in
                #expect(response.headers[.contentType] == "application/problem+json")
                return (response.status, try response.decode(ProblemBody.self))
            }
        }
        #expect(try fixture.database.changeGeneration() == before, "a refusal must change nothing")
        return result
    }

    @Test("an unknown field is refused with its JSON path")
    func unknownField() async throws {
        let fixture = try ServerFixture()
        let body = String(buffer: ServerFixture.dermatologyRequest(extra: #", "patientName": "Mme X""#))
        let (status, problem) = try await refusal(fixture, "/api/v1/requests", body)
        #expect(status == .badRequest)
        #expect(problem.field == "patientName")
        #expect(problem.detail == "patientName: unknown field")
        let (_, null) = try await refusal(
            fixture, "/api/v1/requests",
            String(buffer: ServerFixture.dermatologyRequest(extra: #", "earliestDate": null"#)))
        #expect(null.detail == "earliestDate: null is not accepted; omit the field")
    }

    @Test("a field of the wrong type or value is refused naming it")
    func wrongType() async throws {
        let fixture = try ServerFixture()
        let (status, problem) = try await refusal(
            fixture, "/api/v1/requests",
            #"{"siteId": "E-58-0001", "patientRef": "P", "specialty": "dermatology", "mode": "video","#
                + #" "urgency": "soon", "durationMinutes": 30}"#)
        #expect(status == .badRequest)
        #expect(problem.field == "mode")
        #expect(problem.detail.contains("\"live\""))
        let (_, nested) = try await refusal(
            fixture, "/api/v1/plans", #"{"kind": "whatif", "changes": [{"kind": "removeUnit", "unit": "U-58"}]}"#)
        #expect(nested.field == "changes[0].unitId")
    }

    @Test("impossible times and unknown sites are a 400 that says why")
    func impossibleValues() async throws {
        let fixture = try ServerFixture()
        let (status, problem) = try await refusal(
            fixture, "/api/v1/requests",
            String(buffer: ServerFixture.dermatologyRequest(consent: false)).replacingOccurrences(
                of: "30}", with: "-5}"))
        #expect(status == .badRequest)
        #expect(problem.detail.contains("durationMinutes"))
        let (_, site) = try await refusal(
            fixture, "/api/v1/requests",
            String(buffer: ServerFixture.dermatologyRequest()).replacingOccurrences(of: "E-58-0001", with: "E-00"))
        #expect(site.detail.contains("E-00"))
    }

    @Test("a body over 64 KiB is a 413; a body that is not JSON a 400 or a 415")
    func bodyLimits() async throws {
        let fixture = try ServerFixture()
        let large = String(buffer: ServerFixture.dermatologyRequest(consent: false))
            .replacingOccurrences(of: "30}", with: #"30, "notes": "\#(String(repeating: "x", count: 70_000))"}"#)
        #expect(try await refusal(fixture, "/api/v1/requests", large).0 == .contentTooLarge)
        #expect(try await refusal(fixture, "/api/v1/requests", "{not json").0 == .badRequest)
        #expect(
            try await refusal(fixture, "/api/v1/requests", "a=b", contentType: "text/plain").0 == .unsupportedMediaType)
    }

    @Test("unknown ids are 404s, malformed dates 400s")
    func unknownIds() async throws {
        let fixture = try ServerFixture()
        #expect(try await refusal(fixture, "/api/v1/bookings/B-404/cancel", "").0 == .notFound)
        #expect(try await refusal(fixture, "/api/v1/bookings", #"{"proposalId": "P-404"}"#).0 == .notFound)
        let admin = ServerFixture.bearer(fixture.credentials.adminToken!)
        try await fixture.app().test(.router) { client in
            for (uri, status) in [
                ("/api/v1/sites/E-404/bookings", HTTPResponse.Status.notFound),
                ("/api/v1/units/U-404/route?date=2027-03-22", .notFound),
                ("/api/v1/plans/plan-404", .notFound),
                ("/api/v1/sites/E-58-0001/bookings?from=2027-13-01", .badRequest),
                ("/api/v1/sites/E-58-0001/bookings?from=2027-04-02&to=2027-03-01", .badRequest),
                ("/api/v1/units/U-58/route", .badRequest),
            ] {
                try await client.execute(uri: uri, method: .get, headers: admin) { response in
                    #expect(response.status == status, "\(uri)")
                }
            }
        }
    }
}
