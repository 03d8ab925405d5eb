import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedPages
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Outcomes on the pages: one click on the staff, crew and specialist pages")
struct OutcomePagesTests {
    private let time: ManualTime
    private let fixture: ServerFixture
    private let store: DatabaseBookingStore

    init() throws {
        time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
        fixture = try ServerFixture(clock: .manual(time))
        store = DatabaseBookingStore(fixture.database)
    }

    private func confirmed(hostedByUnit: Bool) throws -> Booking {
        let everything = UTCInterval(start: .distantPast, end: .distantFuture)
        return try #require(
            try [ServerFixture.ehpad, ServerFixture.townPoint]
                .flatMap { try store.bookings(atSite: .init(rawValue: $0), startingIn: everything) }
                .filter { $0.status == .confirmed && ($0.host.unitId != nil) == hostedByUnit }
                .min { ($0.start, $0.id) < ($1.start, $1.id) })
    }

    private func advance(to date: Date) {
        time.advance(bySeconds: max(0, date.timeIntervalSince(time.instant)))
    }

    @Test("the staff page offers the outcome buttons once a session has started, and records one in a click")
    func staffPage() async throws {
        let session = try confirmed(hostedByUnit: false)
        let site = "/sites/\(session.siteId)"
        let action = "\(site)/reservations/\(session.id)/issue"
        try await fixture.app().test(.router) { client in
            let token = fixture.token(site: session.siteId.rawValue)
            let (_, _, before) = try await PageForms.signedInPage(client, token: token)
            #expect(!before.contains(action), "no outcome before the session starts")
            #expect(before.contains("\(site)/reservations/\(session.id)/cancel"))
            // A week on: the page session has lapsed, so staff sign in again.
            advance(to: session.start.addingTimeInterval(600))
            let (cookie, _, page) = try await PageForms.signedInPage(client, token: token)
            #expect(page.contains(action))
            #expect(!page.contains("\(site)/reservations/\(session.id)/cancel"), "a started session is not cancelled")
            #expect(page.contains("Non tenue") && page.contains("panne de connexion"))
            let csrf = try #require(PageForms.csrf(in: page, action: action))
            let posted = try await client.execute(
                uri: action, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("outcome", "notHeld"), ("reason", "equipmentFailure")]))
            #expect(posted.status == .seeOther)
            #expect(try store.booking(session.id)?.status == .notHeld)
            #expect(try store.booking(session.id)?.outcomeReason == .equipmentFailure)
            let after = String(
                buffer: try await client.execute(
                    uri: try #require(posted.headers[.location]), method: .get, headers: [.cookie: cookie]
                ).body)
            #expect(after.contains("Issue de la séance enregistrée."))
            #expect(after.contains("non tenue (panne d’équipement)"))
            // A hand-made post: an unknown outcome is a 400 and changes nothing.
            let forged = try await client.execute(
                uri: action, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("outcome", "vu")]))
            #expect(forged.status == .badRequest)
            #expect(try store.booking(session.id)?.status == .notHeld)
        }
    }

    @Test("another site's staff cannot record an outcome of this site's session")
    func otherSite() async throws {
        let session = try confirmed(hostedByUnit: false)
        let other = session.siteId.rawValue == ServerFixture.ehpad ? ServerFixture.townPoint : ServerFixture.ehpad
        advance(to: session.start)
        try await fixture.app().test(.router) { client in
            let (cookie, home, page) = try await PageForms.signedInPage(client, token: fixture.token(site: other))
            let csrf = try #require(PageForms.csrf(in: page, action: "\(home)/demandes"))
            let posted = try await client.execute(
                uri: "\(home)/reservations/\(session.id)/issue", method: .post,
                headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("outcome", "done")]))
            #expect(posted.status == .forbidden)
            #expect(try store.booking(session.id)?.status == .confirmed)
        }
    }

    @Test("the crew tick the residents seen at a stop: ticked ones done, the others absent")
    func crewTicks() async throws {
        let session = try confirmed(hostedByUnit: true)
        let unit = try #require(session.host.unitId)
        let date = WallClock.paris.localDate(of: session.start)
        let route = try #require(try store.route(UnitDayKey(unitId: unit, date: date)))
        let visit = try #require(
            route.visits.first {
                $0.siteId == session.siteId && $0.arrival <= session.start && session.start < $0.departure
            })
        let atStop = try store.bookings(hostedBy: unit, on: date).filter {
            $0.status == .confirmed && $0.siteId == visit.siteId && $0.start >= visit.arrival
                && $0.start < visit.departure
        }
        let last = try #require(atStop.map(\.start).max())
        advance(to: last)
        let action = "/unites/\(unit)/arrets/\(date)/\(visit.order)/issues"
        try await fixture.app().test(.router) { client in
            let crewToken = try #require(fixture.credentials.unitTokens[unit.rawValue])
            let (cookie, home, page) = try await PageForms.signedInPage(client, token: crewToken)
            #expect(home == "/unites/\(unit)")
            #expect(page.contains(action) && page.contains("Résidents vus"))
            for booking in atStop { #expect(page.contains("value=\"\(booking.id)\" checked")) }
            let csrf = try #require(PageForms.csrf(in: page, action: action))
            let seen = atStop.dropLast().map { ("seen", $0.id.rawValue) }
            let posted = try await client.execute(
                uri: action, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("outcome", "done")] + seen))
            #expect(posted.status == .seeOther)
            for booking in atStop.dropLast() { #expect(try store.booking(booking.id)?.status == .done) }
            #expect(try store.booking(try #require(atStop.last).id)?.status == .noShow)
        }
    }

    @Test("the specialist signs in to their page: today's sessions with the video room and the outcome buttons")
    func specialistPage() async throws {
        let session = try confirmed(hostedByUnit: false)
        let specialist = try #require(session.specialistId)
        advance(to: session.start.addingTimeInterval(60))
        let action = "/specialistes/\(specialist)/seances/\(session.id)/issue"
        try await fixture.app().test(.router) { client in
            let token = try #require(fixture.credentials.specialistTokens[specialist.rawValue])
            let (cookie, home, page) = try await PageForms.signedInPage(client, token: token)
            #expect(home == "/specialistes/\(specialist)")
            #expect(page.contains("Aujourd’hui") && page.contains(action))
            let csrf = try #require(PageForms.csrf(in: page, action: action))
            let posted = try await client.execute(
                uri: action, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("outcome", "done")]))
            #expect(posted.status == .seeOther)
            #expect(try store.booking(session.id)?.status == .done)
            // Another specialist's page is closed to them.
            let other = try #require(
                fixture.credentials.specialistTokens.keys.sorted().first { $0 != specialist.rawValue })
            let refused = try await client.execute(
                uri: "/specialistes/\(other)", method: .get, headers: [.cookie: cookie])
            #expect(refused.status == .forbidden)
        }
    }
}
