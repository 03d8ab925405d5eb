import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TelemedServer

@Suite("Access by role")
struct AccessTests {
    @Test("no token or an unknown token is a 401 problem with a Bearer challenge")
    func unauthenticated() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            for headers: HTTPFields in [[:], ServerFixture.bearer("not-a-token"), [.authorization: "Basic abc"]] {
                try await client.execute(
                    uri: "/api/v1/sites/\(ServerFixture.ehpad)/bookings", method: .get, headers: headers
                ) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="telemed""#)
                }
            }
        }
    }

    @Test("a site's staff cannot read or book for another site (403), and can for their own")
    func otherSite() async throws {
        let fixture = try ServerFixture()
        let townToken = fixture.token(site: ServerFixture.townPoint)
        try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/sites/\(ServerFixture.ehpad)/bookings?from=2027-03-22&to=2027-04-02", method: .get,
                headers: ServerFixture.bearer(townToken)
            ) { response in
                let problem = try response.decode(ProblemBody.self)
                #expect(response.status == .forbidden)
                #expect(problem.detail.contains(ServerFixture.ehpad))
            }
            try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: ServerFixture.bearer(townToken, json: true),
                body: ServerFixture.dermatologyRequest()
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/sites/\(ServerFixture.townPoint)/bookings?from=2027-03-22&to=2027-04-02", method: .get,
                headers: ServerFixture.bearer(townToken)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a site token cannot book another site's proposal nor run plans; a unit reads only its route")
    func otherRoles() async throws {
        let fixture = try ServerFixture()
        let admin = fixture.credentials.adminToken!
        let townToken = fixture.token(site: ServerFixture.townPoint)
        try await fixture.app().test(.router) { client in
            let proposal = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: ServerFixture.bearer(admin, json: true),
                body: ServerFixture.dermatologyRequest()
            ) { try $0.decode(ProposalsBody.self).proposals[0].id }
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: ServerFixture.bearer(townToken, json: true),
                body: ByteBuffer(string: #"{"proposalId": "\#(proposal)"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/plans", method: .post, headers: ServerFixture.bearer(townToken, json: true),
                body: ByteBuffer(string: #"{"kind": "reoptimise"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
            let unitToken = fixture.credentials.unitTokens["U-58"]!
            try await client.execute(
                uri: "/api/v1/units/U-58/route?date=2027-03-22", method: .get, headers: ServerFixture.bearer(unitToken)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/sites/\(ServerFixture.ehpad)/bookings", method: .get,
                headers: ServerFixture.bearer(unitToken)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
