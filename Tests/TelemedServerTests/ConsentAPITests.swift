import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedSolver
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Consent: the API and the staff page confirm a live teleconsultation only with consent")
struct ConsentAPITests {
    @Test("a live request without consent is recorded with proposals, but booking one is a 409 naming consent")
    func bookingWithoutConsent() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let offer = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff,
                body: ServerFixture.dermatologyRequest(patient: "P-NO-CONSENT", consent: false)
            ) { response in
                #expect(response.status == .created)
                return try response.decode(ProposalsBody.self)
            }
            let proposal = try #require(offer.proposals.first)
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(proposal.id)"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let problem = try response.decode(ProblemBody.self)
                #expect(problem.field == "consent")
                #expect(problem.detail.contains("consent.givenBy, consent.recordedOn"))
                #expect(problem.detail.contains(offer.requestId))
            }
            let booking = Booking.ID(rawValue: "B-" + proposal.id.dropFirst(2))
            #expect(try DatabaseBookingStore(fixture.database).booking(booking) == nil)
            let consented = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff,
                body: ServerFixture.dermatologyRequest(patient: "P-NO-CONSENT")
            ) { try $0.decode(ProposalsBody.self) }
            #expect(
                try fixture.database.request(id: .init(rawValue: consented.requestId))?.consent?.givenBy == .resident)
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(consented.proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test("the demo set-up leaves a live booking without consent proposed and confirms the others")
    func setup() throws {
        var scenario = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL)
        let index = try #require(scenario.requests.firstIndex { $0.id == "R-1" })
        scenario.requests[index].consent = nil
        let database = try TelemedDatabase.inMemory(clock: ServerFixture.clock)
        _ = try RegionSetup(scenario: scenario, solver: SolverOptions(seed: 1, iterations: 50))
            .run(into: database)
        let bookings = try database.exportScenario().bookings
        #expect(bookings.first { $0.requestId == "R-1" }?.status == .proposed)
        #expect(bookings.first { $0.requestId == "R-4" }?.status == .confirmed)
    }

    @Test("a malformed consent is a 400 naming its field path, and nothing is stored")
    func malformedConsent() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        let cases: [(consent: String, field: String)] = [
            (#"{"givenBy": "doctor", "recordedOn": "2027-03-15"}"#, "consent.givenBy"),
            (#"{"givenBy": "resident"}"#, "consent.recordedOn"),
            (#"{"givenBy": "resident", "recordedOn": "15/03/2027"}"#, "consent.recordedOn"),
            (#"{"givenBy": "resident", "recordedOn": "2027-12-31"}"#, "consent.recordedOn"),
            (#"{"givenBy": "representative", "recordedOn": "2027-03-15", "name": "M. X"}"#, "consent.name"),
        ]
        try await fixture.app().test(.router) { client in
            for (consent, field) in cases {
                let before = try fixture.database.changeGeneration()
                try await client.execute(
                    uri: "/api/v1/requests", method: .post, headers: staff,
                    body: ServerFixture.dermatologyRequest(extra: #", "consent": \#(consent)"#, consent: false)
                ) { response in
                    #expect(response.status == .badRequest, "\(consent)")
                    let problem = try response.decode(ProblemBody.self)
                    #expect(problem.field == field, "\(consent)")
                }
                #expect(try fixture.database.changeGeneration() == before)
            }
        }
    }

    @Test("the staff page: a live request without consent cannot be confirmed; a refused consent keeps the values")
    func staffPage() async throws {
        let fixture = try ServerFixture()
        let site = "/sites/\(ServerFixture.ehpad)"
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            #expect(page.contains("name=\"consentGivenBy\""))
            #expect(page.contains("value=\"2027-03-15\""), "the consent's day defaults to the clock's today")
            let refused = try await PageForms.ask(
                client, site: site, cookie: cookie, page: page,
                fields: PageForms.dermatologyRequest(resident: "P-PAGE-KEPT").map { name, value in
                    (name, name == "consentRecordedOn" ? "2027-04-30" : value)
                })
            #expect(refused.status == .badRequest)
            let refusedHTML = String(buffer: refused.body)
            #expect(refusedHTML.contains("Indiquez le jour où le consentement a été recueilli"))
            #expect(refusedHTML.contains("value=\"2027-04-30\""))
            #expect(refusedHTML.contains("value=\"P-PAGE-KEPT\""))
            #expect(refusedHTML.range(of: #"<option value="representative" selected"#) != nil)

            let asked = try await PageForms.ask(
                client, site: site, cookie: cookie, page: page,
                fields: PageForms.dermatologyRequest(resident: "P-PAGE-NONE", consent: false))
            #expect(asked.status == .ok)
            let offered = String(buffer: asked.body)
            let proposals = PageForms.proposals(in: offered)
            let first = try #require(proposals.first)
            let csrf = try #require(PageForms.csrf(in: offered, action: "\(site)/reservations"))
            let confirmed = try await client.execute(
                uri: "\(site)/reservations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("proposal", first)]))
            #expect(confirmed.status == .conflict)
            #expect(String(buffer: confirmed.body).contains("consentement du résident"))
            let booking = Booking.ID(rawValue: "B-" + first.dropFirst(2))
            #expect(try DatabaseBookingStore(fixture.database).booking(booking) == nil)
        }
    }
}
