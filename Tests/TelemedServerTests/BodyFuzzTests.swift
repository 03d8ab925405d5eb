import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedTestSupport
import Testing

@testable import TelemedServer

/// Seeded mutations of valid `POST /api/v1/requests` and `POST /api/v1/campaigns` bodies: each
/// answer is a 201 or a 4xx problem document, never a 5xx; a refused body stores nothing.
@Suite("Request bodies under seeded mutations")
struct BodyFuzzTests {
    @Test("mutated request bodies are accepted or refused with a 4xx problem, and a refusal stores nothing")
    func mutatedBodies() async throws {
        let fixture = try ServerFixture()
        let valid = String(buffer: ServerFixture.dermatologyRequest(patient: "P-FUZZ-1"))
        let headers = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        let database = fixture.database
        let (accepted, refused) = try await fixture.app().test(.router) { client in
            var (accepted, refused) = (0, 0)
            let original = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: headers, body: ByteBuffer(string: valid)
            ) { Int($0.status.code) }
            #expect(original == 201, "the unmutated body is accepted")
            for (index, body) in SeededMutations(of: valid, seed: 7, count: 120).enumerated() {
                let before = try database.exportScenario().requests.count
                let (status, type) = try await client.execute(
                    uri: "/api/v1/requests", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { (Int($0.status.code), $0.headers[.contentType]) }
                #expect(status == 201 || (400..<500).contains(status), "variant \(index): \(status)")
                if status == 201 {
                    accepted += 1
                } else {
                    refused += 1
                    #expect(type == "application/problem+json", "variant \(index)")
                    #expect(try database.exportScenario().requests.count == before, "variant \(index) stored a request")
                }
            }
            return (accepted, refused)
        }
        // A body of a few hundred strict bytes rarely survives an edit; most variants are refusals.
        #expect(refused > 100, "\(accepted) accepted, \(refused) refused")
    }

    @Test("mutated campaign bodies are accepted or refused with a 4xx problem; a refusal stores nothing")
    func mutatedCampaigns() async throws {
        let fixture = try ServerFixture()
        let valid = String(buffer: CampaignAPITests.body(id: "C-FUZZ"))
        let headers = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let database = fixture.database
        let refused = try await fixture.app().test(.router) { client in
            var refused = 0
            for (index, body) in SeededMutations(of: valid, seed: 11, count: 80).enumerated() {
                let before = (try database.campaigns().count, try database.exportScenario().requests.count)
                let (status, type) = try await client.execute(
                    uri: "/api/v1/campaigns", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { (Int($0.status.code), $0.headers[.contentType]) }
                #expect(status == 201 || (400..<500).contains(status), "variant \(index): \(status)")
                if status != 201 {
                    refused += 1
                    #expect(type == "application/problem+json", "variant \(index)")
                    let after = (try database.campaigns().count, try database.exportScenario().requests.count)
                    #expect(after == before, "variant \(index) stored something")
                }
            }
            return refused
        }
        #expect(refused > 40, "\(refused) refused")
    }
}
