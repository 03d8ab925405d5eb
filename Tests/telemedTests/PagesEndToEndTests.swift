import Foundation
import TelemedTestSupport
import Testing

/// The pages of the real `telemed serve`, in headless Chromium: the browser signs in through the
/// real login form and renders each page state (DOM checked, screenshot under
/// `.build/screenshots/serve-*.png`); the clicks are made over HTTP with the same forms and CSRF
/// values (``PageVisitor``). Fails in CI when chromium is missing.
@Suite(
    "Pages of the running server in headless Chromium",
    .enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
struct PagesEndToEndTests {
    static let site = "E-58-0001"
    static let otherSite = "T-58-0001"

    @Test("a staff member books, sees the booking in the list and in the site feed, and cancels it")
    func staffBooksAndCancels() async throws {
        let browser = try HeadlessChromium.required()
        let server = try RunningServer()
        defer { _ = server.stop() }
        let token = try #require(server.credentials.siteTokens[Self.site])
        let home = "/sites/\(Self.site)"

        let root = URL(string: "/", relativeTo: server.baseURL)!
        #expect(try browser.renderedDOM(of: root).contains("Code d’accès"))
        try browser.screenshot(of: root, named: "serve-login", height: 1000)

        let staff = PageVisitor(base: server.baseURL)
        let signedIn = try staff.signIn(token)
        #expect(signedIn.status == 303)
        #expect(signedIn.location == home)
        let page = try staff.get(home).body
        let asked = try staff.post(
            "\(home)/demandes",
            fields: [
                ("residentReference", "P-NAVIGATEUR-1"), ("specialty", "dermatology"), ("mode", "live"),
                ("urgency", "soon"), ("equipment", "dermatoscope"), ("notes", "jamais dans un calendrier"),
                ("consentGivenBy", "representative"), ("consentRecordedOn", "2027-03-10"),
            ], csrfFrom: page)
        #expect(asked.status == 200)
        let proposals = PageVisitor.proposals(in: asked.body)
        #expect((1...3).contains(proposals.count))
        try show(asked.body, in: browser, named: "serve-staff-proposals", expecting: "Créneau 1")

        let confirmed = try staff.post(
            "\(home)/reservations", fields: [("proposal", proposals[0])], csrfFrom: asked.body)
        #expect(confirmed.status == 303)
        let booking = "B-" + proposals[0].dropFirst(2)

        // The browser signs in itself and lands on the list, which shows the new booking.
        let listed = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-staff-booked")
        #expect(listed.contains("P-NAVIGATEUR-1"))
        #expect(listed.contains("confirmée"))
        #expect(!listed.contains("jamais dans un calendrier"))

        let withBooking = try staff.get(home).body
        let feedPath = try #require(withBooking.firstMatch(of: /\/feeds\/[A-Za-z0-9_-]+\.ics/)).output
        let feed = try await server.send("GET", String(feedPath))
        #expect(feed.status == 200)
        #expect(feed.text.contains("UID:booking-\(booking)-site@telemed"))
        #expect(!feed.text.contains("jamais dans un calendrier"))

        let cancelled = try staff.post("\(home)/reservations/\(booking)/cancel", fields: [], csrfFrom: withBooking)
        #expect(cancelled.status == 303)
        let after = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-staff-cancelled")
        // Still listed, as cancelled, with no action left on it.
        let row = try #require(after.components(separatedBy: "<tr>").first { $0.contains("P-NAVIGATEUR-1") })
        #expect(row.contains("annulée"))
        #expect(!after.contains("/reservations/\(booking)/cancel"))
        let feedAfter = try await server.send("GET", String(feedPath))
        let event = try #require(
            feedAfter.text.components(separatedBy: "BEGIN:VEVENT").first {
                $0.contains("UID:booking-\(booking)-site@telemed")
            })
        #expect(event.contains("STATUS:CANCELLED"))
    }

    @Test("a site's staff cannot open another site's page nor act on its bookings (403)")
    func otherSiteRefused() async throws {
        let browser = try HeadlessChromium.required()
        let server = try RunningServer()
        defer { _ = server.stop() }
        let token = try #require(server.credentials.siteTokens[Self.site])
        let refused = try signedInPage(
            browser, server: server, token: token, next: "/sites/\(Self.otherSite)", named: "serve-forbidden")
        #expect(refused.contains("Accès refusé"))
        #expect(!refused.contains("Demander une téléconsultation"))

        let staff = PageVisitor(base: server.baseURL)
        _ = try staff.signIn(token)
        #expect(try staff.get("/sites/\(Self.otherSite)").status == 403)
        let other = PageVisitor(base: server.baseURL)
        _ = try other.signIn(try #require(server.credentials.siteTokens[Self.otherSite]))
        let otherPage = try other.get("/sites/\(Self.otherSite)").body
        let otherBooking = try #require(
            otherPage.firstMatch(of: /\/reservations\/([^\/"]+)\/cancel/)?.output.1)
        let ownPage = try staff.get("/sites/\(Self.site)").body
        let csrf = try #require(PageVisitor.csrf(in: ownPage, actionEndingWith: "/cancel"))
        for path in [
            "/sites/\(Self.otherSite)/reservations/\(otherBooking)/cancel",
            "/sites/\(Self.site)/reservations/\(otherBooking)/cancel",
        ] {
            let reply = try staff.post(path, fields: [("csrf", csrf)])
            #expect(reply.status == 403, "\(path)")
            #expect(reply.body.contains("autre établissement"))
        }
        #expect(try other.get("/sites/\(Self.otherSite)").body.contains("/reservations/\(otherBooking)/cancel"))
    }

    @Test("a planner runs a what-if from the form, sees its progress and the comparison with the plan in force")
    func plannerRunsWhatIf() async throws {
        let browser = try HeadlessChromium.required()
        let server = try RunningServer()
        defer { _ = server.stop() }
        let token = server.credentials.plannerToken
        let planner = PageVisitor(base: server.baseURL)
        #expect(try planner.signIn(token).location == "/planification")
        let home = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-planner")
        #expect(home.contains("Simuler un changement"))
        let page = try planner.get("/planification").body
        let started = try planner.post(
            "/planification/simulations",
            fields: [("variantName", "Demande +20 %"), ("change", "scaleDemand"), ("demandFactor", "1,2")],
            csrfFrom: page)
        #expect(started.status == 303)
        let location = try #require(started.location)
        var reply = try planner.get(location).body
        if reply.contains("http-equiv=\"refresh\"") {
            try show(reply, in: browser, named: "serve-whatif-running", expecting: "Calcul en cours")
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while !reply.contains("Indicateurs") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(250))
            reply = try planner.get(location).body
        }
        let comparison = try signedInPage(
            browser, server: server, token: token, next: location, named: "serve-comparison")
        #expect(comparison.contains("Indicateurs"))
        #expect(comparison.contains("Demande +20 %"))
        #expect(comparison.contains("<svg"))
    }

    @Test("a planner opens the activity report from the planner page's link; a site's staff cannot (403)")
    func plannerOpensActivityReport() throws {
        let browser = try HeadlessChromium.required()
        // Tuesday evening of the fixture's first week: Monday's and Tuesday's sessions have started.
        let server = try RunningServer(extraArguments: ["--now", "2027-03-23T17:30:00+01:00"])
        defer { _ = server.stop() }
        let staff = PageVisitor(base: server.baseURL)
        _ = try staff.signIn(try #require(server.credentials.siteTokens[Self.site]))
        let sitePage = try staff.get("/sites/\(Self.site)").body
        let action = try #require(sitePage.firstMatch(of: #/action="(/sites/[^"]+/issue)"/#)?.1, "a started session")
        #expect(try staff.post(String(action), fields: [("outcome", "done")], csrfFrom: sitePage).status == 303)

        let token = server.credentials.plannerToken
        let planner = PageVisitor(base: server.baseURL)
        #expect(try planner.signIn(token).location == "/planification")
        let home = try planner.get("/planification").body
        #expect(home.contains("Activité des derniers mois"))
        #expect(home.contains("Du vendredi 1er janvier 2027 au mardi 23 mars 2027"))
        let link = try #require(home.firstMatch(of: #/href="(/planification/activite\?[^"]+)"/#)?.1)
        let path = link.replacingOccurrences(of: "&amp;", with: "&")
        #expect(path == "/planification/activite?du=2027-01-01&au=2027-03-23")
        let report = try signedInPage(browser, server: server, token: token, next: path, named: "serve-activity-report")
        #expect(report.contains("Rapport d’activité") && report.contains("Délais d’accès par urgence"))
        #expect(report.contains("<svg"))
        #expect(
            report.firstMatch(of: #/Mars 2027</th><td>[^<]+</td><td>[^<]+</td><td>1</td>/#) != nil,
            "March's sessions done: the one just recorded")
        #expect(try staff.get(path).status == 403)
    }

    @Test("a unit's crew see today's and tomorrow's route with the route feed")
    func crewRoute() throws {
        let browser = try HeadlessChromium.required()
        let server = try RunningServer()
        defer { _ = server.stop() }
        let token = try #require(server.credentials.unitTokens["U-58"])
        let route = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-crew")
        #expect(route.contains("Aujourd’hui"))
        #expect(route.contains("Demain"))
        #expect(route.contains("/feeds/"))
    }

    @Test("a specialist lands on their page and records a session's outcome in one click")
    func specialistOutcome() throws {
        let browser = try HeadlessChromium.required()
        // Tuesday evening of the fixture's first week: Monday's and Tuesday's sessions have started.
        let server = try RunningServer(extraArguments: ["--now", "2027-03-23T17:30:00+01:00"])
        defer { _ = server.stop() }
        var recorded = false
        for (id, token) in server.credentials.specialistTokens.sorted(by: { $0.key < $1.key }) where !recorded {
            let dom = try signedInPage(
                browser, server: server, token: token, next: nil, named: "serve-specialist-\(id)")
            #expect(dom.contains("Aujourd’hui") && dom.contains("À compléter"))
            let visitor = PageVisitor(base: server.baseURL)
            #expect(try visitor.signIn(token).location == "/specialistes/\(id)")
            let page = try visitor.get("/specialistes/\(id)").body
            guard let action = page.firstMatch(of: #/action="(/specialistes/[^"]+/issue)"/#)?.1 else { continue }
            let posted = try visitor.post(String(action), fields: [("outcome", "noShow")], csrfFrom: page)
            #expect(posted.status == 303)
            let landing = try visitor.get(try #require(posted.location)).body
            #expect(landing.contains("Issue de la séance enregistrée."))
            #expect(!landing.contains(#"action="\#(action)""#), "a recorded session leaves the list to complete")
            recorded = true
        }
        #expect(recorded, "no started session on any specialist's page")
    }

    @Test("staff put a request with no slot on the waiting list; a slot freed at another site is held and booked")
    func waitingList() async throws {
        let browser = try HeadlessChromium.required()
        let server = try RunningServer(scenario: "Tests/Fixtures/waitlist/scenario.json")
        defer { _ = server.stop() }
        let (siteA, siteB) = ("E-58-0001", "E-58-0002")
        let token = try #require(server.credentials.siteTokens[siteA])
        let home = "/sites/\(siteA)"
        let staff = PageVisitor(base: server.baseURL)
        _ = try staff.signIn(token)
        let asked = try staff.post(
            "\(home)/demandes",
            fields: [
                ("residentReference", "P-ATTENTE-1"), ("specialty", "dermatology"), ("mode", "live"),
                ("urgency", "soon"), ("equipment", "dermatoscope"), ("consentGivenBy", "resident"),
                ("consentRecordedOn", "2027-03-15"),
            ], csrfFrom: try staff.get(home).body)
        #expect(asked.status == 200)
        #expect(PageVisitor.proposals(in: asked.body).isEmpty)
        try show(asked.body, in: browser, named: "serve-staff-no-slot", expecting: "Mettre en liste d’attente")
        let join = try #require(asked.body.firstMatch(of: #/action="(/sites/[^"]+/attente)"/#)?.1)
        let joined = try staff.post(String(join), fields: [], csrfFrom: asked.body)
        #expect(joined.status == 303)
        let waiting = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-staff-waiting")
        #expect(waiting.contains("P-ATTENTE-1") && waiting.contains("En attente d’un créneau qui se libère"))

        // Site B cancels its last session through the API: the slot is held for A's request.
        let tokenB = try #require(server.credentials.siteTokens[siteB])
        let listed = try await server.send(
            "GET", "/api/v1/sites/\(siteB)/bookings?from=2027-03-22&to=2027-04-05", token: tokenB)
        let bookings = try #require(try listed.json()["bookings"] as? [[String: Any]])
        let last = try #require(bookings.compactMap { $0["id"] as? String }.last)
        #expect(try await server.send("POST", "/api/v1/bookings/\(last)/cancel", token: tokenB).status == 200)
        let offered = try signedInPage(browser, server: server, token: token, next: nil, named: "serve-staff-offer")
        #expect(offered.contains("Réservé pour cette demande jusqu’au") && offered.contains("Réserver ce créneau"))

        let page = try staff.get(home).body
        let offer = try #require(PageVisitor.proposals(in: page).first)
        let booked = try staff.post("\(home)/reservations", fields: [("proposal", offer)], csrfFrom: page)
        #expect(booked.status == 303)
        let after = try signedInPage(
            browser, server: server, token: token, next: nil, named: "serve-staff-offer-booked")
        #expect(after.contains("Aucune demande en attente."))
        let row = try #require(after.components(separatedBy: "<tr>").first { $0.contains("P-ATTENTE-1") })
        #expect(row.contains("confirmée"))
    }

    /// Chromium signs in through the login form (to `next`, or the role's page) and renders where
    /// it lands: the DOM, and a screenshot checked to be a non-empty PNG.
    private func signedInPage(
        _ browser: HeadlessChromium, server: RunningServer, token: String, next: String?, named name: String
    ) throws -> String {
        let login = try PageVisitor(base: server.baseURL).get("/").body
        let csrf = try #require(PageVisitor.csrf(in: login, action: "/connexion"))
        let page = try BrowserSignIn.page(server: server.baseURL, token: token, csrf: csrf, next: next)
        defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent().deletingLastPathComponent()) }
        let dom = try browser.renderedDOM(of: page, settle: 10_000)
        // Tall enough for the staff page's session list below the form.
        let png = try browser.screenshot(of: page, named: name, height: 3200, settle: 10_000)
        #expect(png.count > 5_000, "\(name): \(png.count) bytes is a blank page")
        return dom
    }

    /// A page the server sent, rendered by Chromium from a file (its forms are bound to the
    /// visitor's session, not the browser's): the text checked, and a screenshot.
    private func show(_ html: String, in browser: HeadlessChromium, named name: String, expecting text: String) throws {
        let folder = TestPaths.temporaryFolder("page")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: file)
        #expect(try browser.renderedDOM(of: file).contains(text))
        let png = try browser.screenshot(of: file, named: name, height: 1600)
        #expect(png.count > 5_000, "\(name): \(png.count) bytes is a blank page")
    }
}
