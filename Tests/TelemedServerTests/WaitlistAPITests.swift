import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Waiting list over HTTP: freed slots offered in order, held, booked, passed on")
struct WaitlistAPITests {
    typealias Fixture = WaitlistFixture

    static func ask(
        _ client: some TestClientProtocol, _ fixture: Fixture, site: String, patient: String, waitlist: Bool = true
    ) async throws -> WaitlistedProposalsBody {
        let response = try await client.execute(
            uri: "/api/v1/requests", method: .post, headers: ServerFixture.bearer(fixture.token(site), json: true),
            body: Fixture.body(site: site, patient: patient, waitlist: waitlist))
        #expect(response.status == .created)
        return try response.decode(WaitlistedProposalsBody.self)
    }

    static func list(
        _ client: some TestClientProtocol, _ fixture: Fixture, site: String, token: String? = nil
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/sites/\(site)/waitlist", method: .get,
            headers: ServerFixture.bearer(token ?? fixture.token(site)))
    }

    static func post(
        _ client: some TestClientProtocol, _ uri: String, token: String, body: String? = nil
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: ServerFixture.bearer(token, json: body != nil),
            body: body.map { ByteBuffer(string: $0) })
    }

    @Test(
        "a cancellation offers its slot to the first waiting request, held: another site cannot have it until the hold expires, then it passes to the next"
    )
    func cancellationOffersTheSlot() async throws {
        let fixture = try Fixture()
        try await fixture.server.app().test(.router) { client in
            let first = try await Self.ask(client, fixture, site: Fixture.siteA, patient: "P-W1")
            #expect(first.proposals.isEmpty)
            #expect(first.waitlist?.position == 1)
            fixture.advance(to: fixture.time.instant.addingTimeInterval(60))
            let second = try await Self.ask(client, fixture, site: Fixture.siteA, patient: "P-W2")
            #expect(second.waitlist?.position == 2)

            let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
            let cancelled = try await Self.post(
                client, "/api/v1/bookings/\(freed.id)/cancel", token: fixture.token(Fixture.siteB))
            #expect(cancelled.status == .ok)

            var list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [first.requestId, second.requestId])
            let offer = try #require(list.entries[0].offer)
            #expect(offer.start == freed.start)
            // Four opening hours from Monday 08:00: the EHPAD opens at 09:00, so 13:00.
            #expect(offer.expiresAt == (try ServiceClock.instant("2027-03-15T13:00:00+01:00")))
            #expect(list.entries[1].offer == nil)
            #expect(try fixture.store.booking(.init(rawValue: offer.bookingId))?.status == .held)

            // Site B asks again for the slot it freed: held for A, it is not offered.
            let other = try await Self.ask(client, fixture, site: Fixture.siteB, patient: "P-B9", waitlist: false)
            #expect(other.proposals.isEmpty)
            #expect(other.waitlist == nil)
            // B's staff do not see A's list.
            let foreign = try await Self.list(client, fixture, site: Fixture.siteA, token: fixture.token(Fixture.siteB))
            #expect(foreign.status == .forbidden)

            // A's staff let it expire: the slot goes to the next request, the first keeps its place.
            fixture.advance(to: offer.expiresAt.addingTimeInterval(1))
            list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [first.requestId, second.requestId])
            #expect(list.entries[0].offer == nil)
            let passed = try #require(list.entries[1].offer)
            #expect(passed.start == freed.start)
            #expect(try fixture.store.booking(.init(rawValue: offer.bookingId)) == nil)

            // The expired offer cannot be booked any more; the new one can, by its proposal.
            let late = try await Self.post(
                client, "/api/v1/bookings", token: fixture.token(Fixture.siteA),
                body: #"{"proposalId": "\#(offer.proposalId)"}"#)
            #expect(late.status == .gone)
            let booked = try await Self.post(
                client, "/api/v1/bookings", token: fixture.token(Fixture.siteA),
                body: #"{"proposalId": "\#(passed.proposalId)"}"#)
            #expect(booked.status == .created)
            let booking = try booked.decode(BookingBody.self)
            #expect(booking.status == "confirmed" && booking.start == freed.start)
            #expect(try fixture.store.booking(.init(rawValue: passed.bookingId)) == nil)

            list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [first.requestId])
            #expect(list.entries.map(\.position) == [1])
            #expect(list.entries[0].offer == nil)
        }
    }

    @Test("a session not held puts its request back at the head of the list, and it is offered a new slot")
    func notHeldIsOfferedANewSlot() async throws {
        let fixture = try Fixture()
        try await fixture.server.app().test(.router) { client in
            // A slot frees while nobody waits: nothing is held.
            let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
            _ = try await Self.post(client, "/api/v1/bookings/\(freed.id)/cancel", token: fixture.token(Fixture.siteB))
            // A request that turned that slot down waits for an earlier one.
            let waiting = try await Self.ask(client, fixture, site: Fixture.siteA, patient: "P-W1")
            #expect(waiting.proposals.map(\.start) == [freed.start])
            #expect(try fixture.server.database.waitlist().allSatisfy { $0.offer == nil })

            let session = try #require(try fixture.confirmed(at: Fixture.siteA).first)
            fixture.advance(to: session.start.addingTimeInterval(10 * 60))
            let recorded = try await Self.post(
                client, "/api/v1/bookings/\(session.id)/outcome", token: fixture.token(Fixture.siteA),
                body: #"{"outcome": "notHeld", "reason": "specialistUnavailable"}"#)
            #expect(recorded.status == .ok)

            let list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [session.requestId.rawValue, waiting.requestId])
            #expect(list.entries[0].returned)
            #expect(list.entries[0].offer?.start == freed.start)
            #expect(list.entries[1].offer == nil)
        }
    }

    @Test("joining after asking, declining an offer (it passes on), withdrawing; refusals change nothing")
    func joinDeclineWithdraw() async throws {
        let fixture = try Fixture()
        try await fixture.server.app().test(.router) { client in
            let (a, b) = (fixture.token(Fixture.siteA), fixture.token(Fixture.siteB))
            let later = try await Self.ask(client, fixture, site: Fixture.siteA, patient: "P-W1", waitlist: false)
            #expect(later.waitlist == nil)
            #expect(try await Self.post(client, "/api/v1/requests/R-nope/waitlist", token: a).status == .notFound)
            #expect(
                try await Self.post(client, "/api/v1/requests/\(later.requestId)/waitlist", token: b).status
                    == .forbidden)
            #expect(try await Self.post(client, "/api/v1/requests/R-1/waitlist", token: a).status == .conflict)
            let joined = try await Self.post(client, "/api/v1/requests/\(later.requestId)/waitlist", token: a)
            #expect(joined.status == .created)
            #expect(try joined.decode(WaitlistBody.Entry.self).position == 1)
            #expect(
                try await Self.post(client, "/api/v1/requests/\(later.requestId)/waitlist", token: a).status
                    == .conflict)
            #expect(
                try await Self.post(client, "/api/v1/requests/\(later.requestId)/waitlist/decline", token: a).status
                    == .conflict)
            fixture.advance(to: fixture.time.instant.addingTimeInterval(60))
            let next = try await Self.ask(client, fixture, site: Fixture.siteA, patient: "P-W2")

            let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
            _ = try await Self.post(client, "/api/v1/bookings/\(freed.id)/cancel", token: b)
            var list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries[0].offer?.start == freed.start)

            let declined = try await Self.post(client, "/api/v1/requests/\(later.requestId)/waitlist/decline", token: a)
            #expect(declined.status == .ok)
            list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [later.requestId, next.requestId])
            #expect(list.entries[0].offer == nil)
            #expect(list.entries[1].offer?.start == freed.start)

            #expect(
                try await Self.post(client, "/api/v1/requests/\(next.requestId)/waitlist/withdraw", token: b).status
                    == .forbidden)
            let withdrawn = try await Self.post(
                client, "/api/v1/requests/\(next.requestId)/waitlist/withdraw", token: a)
            #expect(withdrawn.status == .noContent)
            #expect(
                try await Self.post(client, "/api/v1/requests/\(next.requestId)/waitlist/withdraw", token: a).status
                    == .conflict)
            // Its held slot was released; the decliner does not get the slot it turned down.
            list = try await Self.list(client, fixture, site: Fixture.siteA).decode(WaitlistBody.self)
            #expect(list.entries.map(\.requestId) == [later.requestId])
            #expect(list.entries[0].offer == nil)
            #expect(
                try fixture.store.bookings(
                    atSite: "E-58-0002", startingIn: UTCInterval(start: freed.start, end: freed.end)
                ).allSatisfy { $0.status == .cancelled })
        }
    }

    /// The fixture with one more request at A, waiting, and the keeper of a server over it.
    static func keeper(_ fixture: Fixture) throws -> (WaitlistKeeper, ConsultationRequest.ID) {
        let database = fixture.server.database
        let request = Fixture.request("R-W", site: .init(rawValue: Fixture.siteA), patient: "P-KEEPER")
        try database.recordRequest(request, notes: nil, proposals: [])
        try database.joinWaitlist(request.id, wantsBefore: nil, actor: "site:\(Fixture.siteA)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let services = ServerServices(configuration: fixture.server.configuration, database: database, logger: logger)
        return (WaitlistKeeper(database: database, offers: services.waitlist, logger: logger), request.id)
    }

    @Test("the keeper offers what another process freed when the change generation moved, and only then")
    func keeperFollowsOtherProcesses() async throws {
        let fixture = try Fixture()
        let database = fixture.server.database
        let (keeper, request) = try Self.keeper(fixture)
        let first = await keeper.pass(after: -1)
        #expect(try database.waitlistEntry(request)?.offer == nil, "nothing free yet")
        #expect(await keeper.pass(after: first) == first)
        #expect(try keeper.nextWake() == fixture.time.instant.addingTimeInterval(WaitlistKeeper.poll.timeInterval))
        // As `telemed` on the same file would: a cancellation this server does not see happen.
        let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
        try fixture.store.cancel(freed.id, actor: "site:\(Fixture.siteB)")
        _ = await keeper.pass(after: first)
        let offer = try #require(try database.waitlistEntry(request)?.offer)
        #expect(offer.start == freed.start)
        fixture.advance(to: offer.expiresAt.addingTimeInterval(-60))
        #expect(try keeper.nextWake() == offer.expiresAt, "the hold expires before the next poll")
    }

    @Test("running in the server, the keeper lapses a hold when it expires")
    func keeperLapsesAtExpiry() async throws {
        let fixture = try Fixture()
        let database = fixture.server.database
        let (_, request) = try Self.keeper(fixture)
        let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
        try fixture.store.cancel(freed.id, actor: "site:\(Fixture.siteB)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let app = try buildApplication(configuration: fixture.server.configuration, database: database, logger: logger)
        try await app.test(.live) { _ in
            try await Self.waitUntil { try database.waitlistEntry(request)?.offer != nil }
            let offer = try #require(try database.waitlistEntry(request)?.offer)
            fixture.advance(to: offer.expiresAt.addingTimeInterval(1))
            try await Self.waitUntil { try database.waitlistEntry(request)?.offer == nil }
            #expect(try fixture.store.booking(offer.bookingId) == nil)
        }
    }

    /// Polls `condition` for up to five minutes of real time (other suites may hold the threads).
    static func waitUntil(_ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("the condition did not hold within 5 minutes")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test("an unknown site is a 404, a bearer-less read a 401")
    func listRefusals() async throws {
        let fixture = try Fixture()
        try await fixture.server.app().test(.router) { client in
            let admin = try #require(fixture.server.credentials.adminToken)
            #expect(try await Self.list(client, fixture, site: "E-00-0000", token: admin).status == .notFound)
            let anonymous = try await client.execute(uri: "/api/v1/sites/\(Fixture.siteA)/waitlist", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
