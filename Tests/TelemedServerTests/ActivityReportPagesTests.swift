import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// The planner page's last three months and the activity report page, served: "today" is the
/// server's clock, the figures are the database's, and only planners and admins see them.
@Suite("Activity report pages served")
struct ActivityReportPagesTests {
    /// The feed fixture set up on 15 March 2027, then seen on Monday 5 April once three of its
    /// confirmed sessions got their fate: one done, one no-show, one cancelled.
    static func fixture() throws -> (fixture: ServerFixture, sessions: [Booking]) {
        let time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
        let fixture = try ServerFixture(clock: .manual(time))
        let store = DatabaseBookingStore(fixture.database)
        let everything = UTCInterval(start: .distantPast, end: .distantFuture)
        let confirmed = try [ServerFixture.ehpad, ServerFixture.townPoint].flatMap {
            try store.bookings(atSite: .init(rawValue: $0), startingIn: everything)
        }.filter { $0.status == .confirmed }.sorted { $0.start < $1.start }
        try #require(confirmed.count >= 3)
        time.set(to: try ServiceClock.instant("2027-04-05T10:00:00+02:00"))
        #expect(
            try store.recordOutcome(confirmed[0].id, .done, reason: nil, expectedVersion: nil, actor: "test").value
                != nil)
        #expect(
            try store.recordOutcome(confirmed[1].id, .noShow, reason: nil, expectedVersion: nil, actor: "test").value
                != nil)
        try store.cancel(confirmed[2].id, expectedVersion: nil, actor: "test")
        let sessions = try [ServerFixture.ehpad, ServerFixture.townPoint].flatMap {
            try store.bookings(atSite: .init(rawValue: $0), startingIn: everything)
        }
        return (fixture, sessions)
    }

    @Test("the planner page shows February to today's April by the server's clock, March's figures, and the link")
    func plannerPage() async throws {
        let (fixture, sessions) = try Self.fixture()
        let scenario = try ScenarioCoder.load(contentsOf: ServerFixture.scenarioURL)
        let march = sessions.filter { WallClock.paris.localDate(of: $0.start).month == 3 }
        let count = Dictionary(grouping: march, by: \.status).mapValues(\.count)
        // Every cancelled session of the fixture was confirmed first (the setup confirms, the test cancels).
        let booked = march.filter { $0.status != .proposed }.count
        let requests = scenario.requests.filter { $0.releaseDate.month == 3 }.count
        try await fixture.app().test(.router) { client in
            let (_, _, html) = try await PageForms.signedInPage(client, token: fixture.credentials.plannerToken)
            #expect(html.contains("Activité des derniers mois"))
            #expect(html.contains("Du lundi 1er février 2027 au lundi 5 avril 2027"))
            #expect(html.contains("<th scope=\"row\">Février 2027</th><td>0</td><td>0</td>"))
            let cells = [requests, booked] + [.done, .noShow, .notHeld, .cancelled].map { count[$0] ?? 0 }
            #expect(
                html.contains("<th scope=\"row\">Mars 2027</th>" + cells.map { "<td>\($0)</td>" }.joined()),
                "March: \(cells)")
            #expect(count[.done] == 1 && count[.noShow] == 1 && count[.cancelled] == 1)
            #expect(html.contains("<th scope=\"row\">Avril 2027</th>"))
            #expect(html.contains("href=\"/planification/activite?du=2027-02-01&amp;au=2027-04-05\""))
        }
    }

    @Test("the report page serves the chosen period to planners, refuses a site's staff, and a bad period in French")
    func reportPage() async throws {
        let (fixture, _) = try Self.fixture()
        try await fixture.app().test(.router) { client in
            let (cookie, _) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            let report = try await client.execute(
                uri: "/planification/activite?du=2027-03-01&au=2027-03-31", method: .get, headers: [.cookie: cookie])
            #expect(report.status == .ok)
            let html = String(buffer: report.body)
            #expect(html.contains("Du lundi 1er mars 2027 au mercredi 31 mars 2027"))
            #expect(html.contains("état de la base au lundi 5 avril 2027"))
            #expect(html.contains("Délais d’accès par urgence") && html.contains("<svg"))
            #expect(report.headers[.cacheControl] == "no-store")

            let recent = try await client.execute(
                uri: "/planification/activite", method: .get, headers: [.cookie: cookie])
            #expect(String(buffer: recent.body).contains("Du lundi 1er février 2027 au lundi 5 avril 2027"))

            for (query, message) in [
                ("du=2027-03-31&au=2027-03-01", "inversez les deux dates"),
                ("du=2027-02-30&au=2027-03-31", "Période illisible"), ("du=2027-03-01", "Période illisible"),
                ("du=2000-01-01&au=2027-03-31", "dépasse dix ans"),
            ] {
                let refused = try await client.execute(
                    uri: "/planification/activite?\(query)", method: .get, headers: [.cookie: cookie])
                #expect(refused.status == .badRequest, "\(query)")
                #expect(String(buffer: refused.body).contains(message), "\(query)")
            }

            let (siteCookie, _) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let forbidden = try await client.execute(
                uri: "/planification/activite?du=2027-03-01&au=2027-03-31", method: .get,
                headers: [.cookie: siteCookie])
            #expect(forbidden.status == .forbidden)
            #expect(!String(buffer: forbidden.body).contains("Rapport d’activité"))
            let signedOut = try await client.execute(uri: "/planification/activite", method: .get)
            #expect(signedOut.status == .unauthorized)
        }
    }
}
