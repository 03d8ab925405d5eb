import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import TelemedTestSupport
import Testing

@testable import TelemedServer

@Suite("Consultation requests")
struct ConsultationRequestTests {
    @Test(
        "a request from the staff page and one from the API are stored, counted and logged alike, with no patient data")
    func oneRequestPath() async throws {
        let fixture = try ServerFixture()
        let logs = LogRecorder()
        let app = try buildApplication(
            configuration: fixture.configuration, database: fixture.database, logger: logs.logger())
        let site = "/sites/\(ServerFixture.ehpad)"
        try await app.test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let asked = try await PageForms.ask(
                client, site: site, cookie: cookie, page: page,
                fields: PageForms.dermatologyRequest(resident: "P-PAGE-SECRET"))
            #expect(asked.status == .ok)
            #expect(!PageForms.proposals(in: String(buffer: asked.body)).isEmpty)
            let api = try await client.execute(
                uri: "/api/v1/requests", method: .post,
                headers: ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true),
                body: ServerFixture.dermatologyRequest(patient: "P-API-SECRET"))
            #expect(api.status == .created)
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"telemed_consultation_requests_total{outcome="offered"} 2"#))
        }
        let recorded = logs.entries.filter { $0.message == "Request recorded" }
        #expect(recorded.count == 2)
        #expect(recorded.allSatisfy { $0.metadata["site"] == ServerFixture.ehpad && $0.metadata["request"] != nil })
        for entry in logs.entries {
            for secret in ["P-PAGE-SECRET", "P-API-SECRET", "note privée"] {
                #expect(!entry.text.contains(secret), "logged: \(entry.text)")
            }
        }
    }
}

extension ConsultationRequestTests {
    @Test("a booking made by this server is respected by the very next request: its slot is not offered again")
    func bookedSlotNotOfferedAgain() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let first = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff,
                body: ServerFixture.dermatologyRequest(patient: "P-FIRST")
            ) { try $0.decode(ProposalsBody.self) }
            let booked = try #require(first.proposals.first)
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(booked.id)"}"#)
            ) { response in
                #expect(response.status == .created)
            }
            let next = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff,
                body: ServerFixture.dermatologyRequest(patient: "P-NEXT")
            ) { try $0.decode(ProposalsBody.self) }
            #expect(!next.proposals.isEmpty)
            #expect(
                !next.proposals.contains { $0.start == booked.start && $0.specialistId == booked.specialistId },
                "the booked slot was offered again")
        }
    }

    @Test("new bookings are added to the proposal engine; a cancellation rebuilds it")
    func engineFollowsNewBookings() async throws {
        let fixture = try ServerFixture()
        let livePlan = LivePlan(database: fixture.database)
        let store = DatabaseBookingStore(fixture.database)
        let start = try await livePlan.horizon().start
        func request(_ id: String) -> ConsultationRequest {
            ConsultationRequest(
                id: .init(rawValue: id), siteId: .init(rawValue: ServerFixture.ehpad), patientRef: "P-\(id)",
                specialty: .dermatology, mode: .live, requiredEquipment: [.dermatoscope], durationMinutes: 30,
                urgency: .soon, releaseDate: start, consent: Consent(givenBy: .resident, recordedOn: start))
        }
        let first = request("R-LP-1")
        let offered = try await livePlan.proposals(for: first, notBefore: ServerFixture.clock.now()).proposals
        let taken = try #require(offered.first { $0.host == .siteEquipment })
        #expect(await livePlan.builds == 1)
        try fixture.database.recordRequest(first, notes: nil, proposals: [])
        let booking = Booking(
            id: "B-LP-1", requestId: first.id, specialistId: taken.specialistId, siteId: taken.siteId,
            start: taken.start, end: taken.end, review: taken.review, host: taken.host, status: .confirmed)
        #expect(try store.book(booking, route: nil, replacing: nil, actor: "test").value != nil)

        let next = try await livePlan.proposals(for: request("R-LP-2"), notBefore: ServerFixture.clock.now()).proposals
        #expect(await livePlan.builds == 1, "a new booking rebuilt the engine")
        #expect(!next.contains { $0.specialistId == taken.specialistId && $0.start == taken.start })

        try store.cancel(booking.id, actor: "test")
        let freed = try await livePlan.proposals(for: request("R-LP-3"), notBefore: ServerFixture.clock.now()).proposals
        #expect(await livePlan.builds == 2, "a cancellation did not rebuild the engine")
        #expect(freed.contains { $0.specialistId == taken.specialistId && $0.start == taken.start })
    }
}
