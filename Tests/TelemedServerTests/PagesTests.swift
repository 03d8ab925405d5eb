import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedPages
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("French pages served")
struct PagesTests {
    @Test("the login page is French HTML with a CSRF field, and a site code opens a session cookie")
    func signIn() async throws {
        let fixture = try ServerFixture()
        let token = fixture.token(site: ServerFixture.ehpad)
        try await fixture.app().test(.router) { client in
            let login = try await client.execute(uri: "/", method: .get)
            #expect(login.status == .ok)
            #expect(login.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: login.body).contains("Code d’accès"))
            let csrf = try #require(PageForms.csrf(in: String(buffer: login.body), action: "/connexion"))
            let response = try await client.execute(
                uri: "/connexion", method: .post, headers: PageForms.headers(),
                body: PageForms.body([("csrf", csrf), ("token", token)]))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sites/\(ServerFixture.ehpad)")
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(setCookie.contains("Path=/"))
            #expect(!setCookie.contains("Secure"))
            #expect(!setCookie.contains(token))
        }
    }

    @Test("a wrong code is refused on the login page, and a post without the CSRF value is a 403")
    func refusedSignIn() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let login = try await client.execute(uri: "/", method: .get)
            let csrf = try #require(PageForms.csrf(in: String(buffer: login.body), action: "/connexion"))
            let wrong = try await client.execute(
                uri: "/connexion", method: .post, headers: PageForms.headers(),
                body: PageForms.body([("csrf", csrf), ("token", "not-a-code")]))
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("n’est pas reconnu"))
            #expect(!String(buffer: wrong.body).contains("not-a-code"))
            let forged = try await client.execute(
                uri: "/connexion", method: .post, headers: PageForms.headers(),
                body: PageForms.body([("token", fixture.token(site: ServerFixture.ehpad))]))
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.setCookie] == nil)
        }
    }

    @Test("without a session the staff page is the login page (401), and another site's page is a 403")
    func siteAccess() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let anonymous = try await client.execute(uri: "/sites/\(ServerFixture.ehpad)", method: .get)
            #expect(anonymous.status == .unauthorized)
            #expect(String(buffer: anonymous.body).contains("Connexion"))
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let own = try await client.execute(uri: home, method: .get, headers: [.cookie: cookie])
            #expect(own.status == .ok)
            #expect(String(buffer: own.body).contains("Demander une téléconsultation"))
            let other = try await client.execute(
                uri: "/sites/\(ServerFixture.townPoint)", method: .get, headers: [.cookie: cookie])
            #expect(other.status == .forbidden)
            #expect(other.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: other.body).contains("Accès refusé"))
        }
    }

    @Test("staff ask, see three proposals, confirm one, see it listed and cancel it; a bad CSRF value changes nothing")
    func bookingFlow() async throws {
        let fixture = try ServerFixture()
        let site = "/sites/\(ServerFixture.ehpad)"
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let fields = PageForms.dermatologyRequest(resident: "P-PAGE-1")
            let forged = try await client.execute(
                uri: "\(site)/demandes", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", String(repeating: "0", count: 64))] + fields))
            #expect(forged.status == .forbidden)
            let asked = try await PageForms.ask(client, site: site, cookie: cookie, page: page, fields: fields)
            #expect(asked.status == .ok)
            let offered = String(buffer: asked.body)
            let proposals = PageForms.proposals(in: offered)
            #expect(!proposals.isEmpty && proposals.count <= 3)
            #expect(offered.contains("value=\"P-PAGE-1\""))
            let confirmCSRF = try #require(PageForms.csrf(in: offered, action: "\(site)/reservations"))
            let confirmed = try await client.execute(
                uri: "\(site)/reservations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", confirmCSRF), ("proposal", proposals[0])]))
            #expect(confirmed.status == .seeOther)
            let listed = String(
                buffer: try await client.execute(
                    uri: confirmed.headers[.location]!, method: .get, headers: [.cookie: cookie]
                ).body)
            #expect(listed.contains("Séance confirmée"))
            #expect(listed.contains("P-PAGE-1"))
            let booking = "B-" + proposals[0].dropFirst(2)
            let cancelAction = "\(site)/reservations/\(booking)/cancel"
            let cancelCSRF = try #require(PageForms.csrf(in: listed, action: cancelAction))
            let again = try await client.execute(
                uri: "\(site)/reservations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", confirmCSRF), ("proposal", proposals[0])]))
            #expect(again.status == .conflict)
            #expect(String(buffer: again.body).contains("vient d’être pris"))
            let cancelled = try await client.execute(
                uri: cancelAction, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", cancelCSRF)]))
            #expect(cancelled.status == .seeOther)
            let store = DatabaseBookingStore(fixture.database)
            #expect(try store.booking(.init(rawValue: booking))?.status == .cancelled)
        }
    }

    @Test("a refused request keeps what was typed with the reason beside the field")
    func refusedRequest() async throws {
        let fixture = try ServerFixture()
        let site = "/sites/\(ServerFixture.ehpad)"
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let refused = try await PageForms.ask(
                client, site: site, cookie: cookie, page: page,
                fields: [
                    ("residentReference", "  "), ("specialty", "dermatology"), ("mode", "live"), ("urgency", "soon"),
                    ("notes", "gardée telle quelle"),
                ])
            #expect(refused.status == .badRequest)
            let html = String(buffer: refused.body)
            #expect(html.contains("Indiquez la référence pseudonyme"))
            #expect(html.contains("gardée telle quelle"))
        }
    }

    @Test("another site's staff cannot cancel or move this site's bookings, through either page (403)")
    func otherSiteBookings() async throws {
        let fixture = try ServerFixture()
        let store = DatabaseBookingStore(fixture.database)
        let booking = try fixture.confirmedBooking(at: ServerFixture.ehpad)
        try await fixture.app().test(.router) { client in
            let (cookie, home, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.townPoint))
            // Real values from the town's own list: the refusal must come from the booking's site.
            let cancelCSRF = try #require(PageForms.csrf(in: page, actionEndingWith: "/cancel"))
            let moveCSRF = try #require(PageForms.csrf(in: page, actionEndingWith: "/reschedule"))
            for (path, csrf) in [
                ("/sites/\(ServerFixture.ehpad)/reservations/\(booking.id)/cancel", cancelCSRF),
                ("\(home)/reservations/\(booking.id)/cancel", cancelCSRF),
                ("\(home)/reservations/\(booking.id)/reschedule", moveCSRF),
            ] {
                let response = try await client.execute(
                    uri: path, method: .post, headers: PageForms.headers(cookie: cookie),
                    body: PageForms.body([("csrf", csrf)]))
                #expect(response.status == .forbidden, "\(path)")
                #expect(String(buffer: response.body).contains("autre établissement"))
            }
            #expect(try store.booking(booking.id)?.status == .confirmed)
        }
    }

    @Test("a unit's crew sign in to their route page; a site's staff cannot open it (403)")
    func crewPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.credentials.unitTokens["U-58"]!)
            #expect(home == "/unites/U-58")
            let page = try await client.execute(uri: home, method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Aujourd’hui"))
            #expect(html.contains("/feeds/"))
            let (siteCookie, _) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let refused = try await client.execute(uri: home, method: .get, headers: [.cookie: siteCookie])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("staff move a booking: new proposals while the booking stays, then the chosen one replaces it")
    func reschedule() async throws {
        let fixture = try ServerFixture()
        let site = "/sites/\(ServerFixture.ehpad)"
        let store = DatabaseBookingStore(fixture.database)
        let booking = try fixture.confirmedBooking(at: ServerFixture.ehpad)
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let move = "\(site)/reservations/\(booking.id)/reschedule"
            let csrf = try #require(PageForms.csrf(in: page, action: move))
            let offered = try await client.execute(
                uri: move, method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf)]))
            #expect(offered.status == .ok)
            let html = String(buffer: offered.body)
            #expect(html.contains("la séance actuelle reste réservée"))
            let proposals = PageForms.proposals(in: html)
            #expect(!proposals.isEmpty)
            #expect(try store.booking(booking.id)?.status == .confirmed)
            let confirmCSRF = try #require(PageForms.csrf(in: html, action: "\(site)/reservations"))
            let moved = try await client.execute(
                uri: "\(site)/reservations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", confirmCSRF), ("proposal", proposals[0])]))
            #expect(moved.status == .seeOther)
            #expect(try store.booking(booking.id)?.status == .cancelled)
            #expect(try store.booking(.init(rawValue: "B-" + proposals[0].dropFirst(2)))?.status == .confirmed)
        }
    }

    @Test("signing out ends the session: the cookie no longer opens the page")
    func signOut() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let page = try await client.execute(uri: "/deconnexion", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(PageForms.csrf(in: String(buffer: page.body), action: "/deconnexion"))
            let forged = try await client.execute(
                uri: "/deconnexion", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", String(repeating: "a", count: 64))]))
            #expect(forged.status == .forbidden)
            let out = try await client.execute(
                uri: "/deconnexion", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf)]))
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: home, method: .get, headers: [.cookie: cookie])
            #expect(after.status == .unauthorized)
        }
    }

    @Test("the staff, crew and planner pages served link to the sign-out page, which offers its button")
    func signOutLinks() async throws {
        let fixture = try ServerFixture()
        let link = "<a href=\"\(PageRoutes.signOut.path())\">Se déconnecter</a>"
        try await fixture.app().test(.router) { client in
            for token in [
                fixture.token(site: ServerFixture.ehpad), fixture.credentials.unitTokens["U-58"]!,
                fixture.credentials.plannerToken,
            ] {
                let (cookie, home, page) = try await PageForms.signedInPage(client, token: token)
                #expect(page.contains(link), "\(home)")
                let signOut = try await client.execute(
                    uri: PageRoutes.signOut.path(), method: .get, headers: [.cookie: cookie])
                #expect(PageForms.csrf(in: String(buffer: signOut.body), action: PageRoutes.signOut.path()) != nil)
            }
            let login = try await client.execute(uri: "/", method: .get)
            #expect(!String(buffer: login.body).contains(link))
        }
    }
}
