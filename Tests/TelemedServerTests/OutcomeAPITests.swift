import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Outcomes: POST /api/v1/bookings/{id}/outcome, by those who took part in the session")
struct OutcomeAPITests {
    /// The fixture on a clock the test moves, and one of its confirmed sessions: at the EHPAD on
    /// its own equipment, or hosted by the unit.
    private struct Setting {
        let fixture: ServerFixture
        let time: ManualTime
        let store: DatabaseBookingStore

        init() throws {
            time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
            fixture = try ServerFixture(clock: .manual(time))
            store = DatabaseBookingStore(fixture.database)
        }

        func confirmed(hostedByUnit: Bool) throws -> Booking {
            let everything = UTCInterval(start: .distantPast, end: .distantFuture)
            let sites = [ServerFixture.ehpad, ServerFixture.townPoint]
            return try #require(
                try sites.flatMap { try store.bookings(atSite: .init(rawValue: $0), startingIn: everything) }
                    .filter { $0.status == .confirmed && ($0.host.unitId != nil) == hostedByUnit }
                    .min { ($0.start, $0.id) < ($1.start, $1.id) })
        }

        /// Moves the clock to `date` (never back).
        func advance(to date: Date) {
            time.advance(bySeconds: max(0, date.timeIntervalSince(time.instant)))
        }

        func post(
            _ client: some TestClientProtocol, _ booking: Booking, token: String, body: String
        ) async throws -> TestResponse {
            try await client.execute(
                uri: "/api/v1/bookings/\(booking.id)/outcome", method: .post,
                headers: ServerFixture.bearer(token, json: true), body: ByteBuffer(string: body))
        }
    }

    @Test("before the session's start: 409 and nothing recorded; from its start: recorded, audited, days later too")
    func fromTheStartOn() async throws {
        let setting = try Setting()
        let session = try setting.confirmed(hostedByUnit: false)
        let staff = setting.fixture.token(site: session.siteId.rawValue)
        try await setting.fixture.app().test(.router) { client in
            setting.advance(to: session.start.addingTimeInterval(-60))
            let early = try await setting.post(client, session, token: staff, body: #"{"outcome": "done"}"#)
            #expect(early.status == .conflict)
            #expect(try early.decode(ProblemBody.self).detail.contains("can be recorded from then on"))
            #expect(try setting.store.booking(session.id)?.status == .confirmed)

            setting.advance(to: session.start.addingTimeInterval(3 * 86_400))
            let late = try await setting.post(
                client, session, token: staff, body: #"{"outcome": "notHeld", "reason": "connectionFailure"}"#)
            #expect(late.status == .ok)
            let recorded = try late.decode(Booking.self)
            #expect(recorded.status == .notHeld && recorded.outcomeReason == .connectionFailure)
            // The outcome's entry, followed by the waiting list's (the request went back on it).
            let entries = try setting.fixture.database.auditEntries(limit: 10)
            let entry = try #require(entries.first { $0.action == "booking.outcome" })
            #expect(entry.entityId == session.id.rawValue)
            #expect(entry.actor == "site:\(session.siteId)")
        }
    }

    @Test(
        "the site's staff, its specialist and planners may; another site's staff, another specialist or a unit's crew may not"
    )
    func whoMay() async throws {
        let setting = try Setting()
        let session = try setting.confirmed(hostedByUnit: false)
        let credentials = setting.fixture.credentials
        let otherSite = session.siteId.rawValue == ServerFixture.ehpad ? ServerFixture.townPoint : ServerFixture.ehpad
        let specialist = try #require(session.specialistId?.rawValue)
        let otherSpecialist = try #require(credentials.specialistTokens.keys.sorted().first { $0 != specialist })
        setting.advance(to: session.start)
        try await setting.fixture.app().test(.router) { client in
            for token in [
                setting.fixture.token(site: otherSite), credentials.specialistTokens[otherSpecialist]!,
                try #require(credentials.unitTokens.values.first),
            ] {
                let refused = try await setting.post(client, session, token: token, body: #"{"outcome": "done"}"#)
                #expect(refused.status == .forbidden)
            }
            #expect(try setting.store.booking(session.id)?.status == .confirmed)
            for (token, body, status) in [
                (credentials.specialistTokens[specialist]!, #"{"outcome": "done"}"#, BookingStatus.done),
                (
                    setting.fixture.token(site: session.siteId.rawValue),
                    #"{"outcome": "noShow", "reason": "residentDeclined"}"#, .noShow
                ),
                (credentials.plannerToken, #"{"outcome": "done", "expectedVersion": 4}"#, .done),
            ] {
                let accepted = try await setting.post(client, session, token: token, body: body)
                #expect(accepted.status == .ok)
                #expect(try accepted.decode(Booking.self).status == status)
            }
        }
    }

    @Test("a unit's crew record the sessions their unit hosts")
    func crewOfTheUnit() async throws {
        let setting = try Setting()
        let session = try setting.confirmed(hostedByUnit: true)
        let unit = try #require(session.host.unitId)
        let crew = try #require(setting.fixture.credentials.unitTokens[unit.rawValue])
        setting.advance(to: session.start)
        try await setting.fixture.app().test(.router) { client in
            let done = try await setting.post(client, session, token: crew, body: #"{"outcome": "done"}"#)
            #expect(done.status == .ok)
            #expect(try setting.store.booking(session.id)?.status == .done)
        }
    }

    @Test("refusals: a cancelled booking 409, an unknown one 404, a wrong outcome or reason 400, nothing changed")
    func refusals() async throws {
        let setting = try Setting()
        let session = try setting.confirmed(hostedByUnit: false)
        let planner = setting.fixture.credentials.plannerToken
        setting.advance(to: session.start)
        try await setting.fixture.app().test(.router) { client in
            for (body, field) in [
                (#"{"outcome": "seen"}"#, "outcome"),
                (#"{"outcome": "notHeld", "reason": "residentDeclined"}"#, "reason"),
                (#"{"outcome": "done", "reason": "tired"}"#, "reason"), (#"{"outcome": "done", "extra": 1}"#, nil),
                (#"{"outcome": "done""#, nil),
            ] {
                let refused = try await setting.post(client, session, token: planner, body: body)
                #expect(refused.status == .badRequest, "\(body)")
                if let field { #expect(try refused.decode(ProblemBody.self).field == field, "\(body)") }
            }
            #expect(try setting.store.booking(session.id)?.version == session.version)
            let unknown = try await client.execute(
                uri: "/api/v1/bookings/B-NOPE/outcome", method: .post,
                headers: ServerFixture.bearer(planner, json: true), body: ByteBuffer(string: #"{"outcome": "done"}"#))
            #expect(unknown.status == .notFound)
            try setting.store.cancel(session.id, actor: "test")
            let cancelled = try await setting.post(client, session, token: planner, body: #"{"outcome": "done"}"#)
            #expect(cancelled.status == .conflict)
            #expect(try setting.store.booking(session.id)?.status == .cancelled)
        }
    }
}
