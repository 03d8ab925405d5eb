import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedPages
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Waiting list on the staff page: put on it in one click, the held slot shown and booked")
struct WaitlistPagesTests {
    typealias Fixture = WaitlistFixture

    static func post(
        _ client: some TestClientProtocol, _ action: String, cookie: String, page: String,
        fields: [(String, String)] = []
    ) async throws -> TestResponse {
        let csrf = try #require(PageForms.csrf(in: page, action: action), "no form posts to \(action)")
        return try await client.execute(
            uri: action, method: .post, headers: PageForms.headers(cookie: cookie),
            body: PageForms.body([("csrf", csrf)] + fields))
    }

    static func page(_ client: some TestClientProtocol, _ path: String, cookie: String) async throws -> String {
        String(buffer: try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]).body)
    }

    @Test("no slot: the request goes on the list; a cancellation elsewhere shows a held slot, booked in one click")
    func joinSeeBook() async throws {
        let fixture = try Fixture()
        let site = "/sites/\(Fixture.siteA)"
        try await fixture.server.app().test(.router) { client in
            let (cookie, _, home) = try await PageForms.signedInPage(client, token: fixture.token(Fixture.siteA))
            #expect(home.contains("Liste d’attente") && home.contains("Aucune demande en attente."))
            let fields =
                PageForms.dermatologyRequest(resident: "P-PAGE-1").filter { $0.0 != "equipment" }
                + [("equipment", "dermatoscope")]
            let asked = try await PageForms.ask(client, site: site, cookie: cookie, page: home, fields: fields)
            let proposals = String(buffer: asked.body)
            #expect(proposals.contains("Aucun créneau possible"))
            let join = try #require(
                proposals.components(separatedBy: "action=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                    .first { $0.hasSuffix("/attente") })
            let joined = try await Self.post(client, join, cookie: cookie, page: proposals)
            #expect(joined.status == .seeOther)
            var page = try await Self.page(client, site, cookie: cookie)
            #expect(page.contains("P-PAGE-1") && page.contains("En attente d’un créneau qui se libère"))
            #expect(try fixture.server.database.waitlist(siteId: .init(rawValue: Fixture.siteA)).count == 1)

            // Site B cancels a session through the API: its slot is held for A's request.
            let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
            _ = try await client.execute(
                uri: "/api/v1/bookings/\(freed.id)/cancel", method: .post,
                headers: ServerFixture.bearer(fixture.token(Fixture.siteB)))
            page = try await Self.page(client, site, cookie: cookie)
            #expect(page.contains("Réservé pour cette demande jusqu’au lundi 15 mars 2027, 13 h."))
            #expect(page.contains("Réserver ce créneau") && page.contains("Refuser"))
            let offer = try #require(PageForms.proposals(in: page).first)
            let booked = try await Self.post(
                client, "\(site)/reservations", cookie: cookie, page: page, fields: [("proposal", offer)])
            #expect(booked.status == .seeOther)
            page = try await Self.page(client, site, cookie: cookie)
            #expect(page.contains("Aucune demande en attente."))
            let sessions = try fixture.store.bookings(
                atSite: .init(rawValue: Fixture.siteA), startingIn: UTCInterval(start: freed.start, end: freed.end))
            #expect(sessions.map(\.status) == [.confirmed])
        }
    }

    @Test("declining passes the slot on; withdrawing takes the request off; another site's forms are refused")
    func declineAndWithdraw() async throws {
        let fixture = try Fixture()
        let site = "/sites/\(Fixture.siteA)"
        let database = fixture.server.database
        try await fixture.server.app().test(.router) { client in
            for patient in ["P-W1", "P-W2"] {
                _ = try await client.execute(
                    uri: "/api/v1/requests", method: .post,
                    headers: ServerFixture.bearer(fixture.token(Fixture.siteA), json: true),
                    body: Fixture.body(site: Fixture.siteA, patient: patient))
                fixture.advance(to: fixture.time.instant.addingTimeInterval(60))
            }
            let freed = try #require(try fixture.confirmed(at: Fixture.siteB).last)
            _ = try await client.execute(
                uri: "/api/v1/bookings/\(freed.id)/cancel", method: .post,
                headers: ServerFixture.bearer(fixture.token(Fixture.siteB)))
            let list = try database.waitlist(siteId: .init(rawValue: Fixture.siteA))
            let (first, second) = (list[0].requestId, list[1].requestId)
            #expect(list[0].offer != nil)

            let (cookie, _, page) = try await PageForms.signedInPage(client, token: fixture.token(Fixture.siteA))
            #expect(page.contains("<td>1</td><td>P-W1</td>") && page.contains("<td>2</td><td>P-W2</td>"))
            let declined = try await Self.post(client, "\(site)/attente/\(first)/refus", cookie: cookie, page: page)
            #expect(declined.status == .seeOther)
            #expect(try database.waitlistEntry(first)?.offer == nil)
            #expect(try database.waitlistEntry(second)?.offer?.start == freed.start)

            // B's staff cannot act on A's list, even with a valid form of their own page.
            let (other, _, theirs) = try await PageForms.signedInPage(client, token: fixture.token(Fixture.siteB))
            #expect(!theirs.contains("P-W1"))
            let csrf = try #require(PageForms.csrf(in: theirs, action: "/sites/\(Fixture.siteB)/demandes"))
            let foreign = try await client.execute(
                uri: "\(site)/attente/\(second)/retrait", method: .post, headers: PageForms.headers(cookie: other),
                body: PageForms.body([("csrf", csrf)]))
            #expect(foreign.status == .forbidden)
            #expect(try database.waitlistEntry(second) != nil)

            let after = try await Self.page(client, site, cookie: cookie)
            let withdrawn = try await Self.post(
                client, "\(site)/attente/\(second)/retrait", cookie: cookie, page: after)
            #expect(withdrawn.status == .seeOther)
            #expect(try database.waitlistEntry(second) == nil)
            #expect(try database.waitlist(siteId: .init(rawValue: Fixture.siteA)).map(\.requestId) == [first])
        }
    }
}
