import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import TelemedTestSupport
import Testing

@testable import TelemedServer

@Suite("Care series on the staff page")
struct CareSeriesPagesTests {
    static let site = "/sites/\(ServerFixture.ehpad)"

    /// The request form's fields with a series of `count` sessions every `min` to `max` days.
    static func seriesRequest(resident: String, count: String, min: String, max: String) -> [(String, String)] {
        PageForms.dermatologyRequest(resident: resident)
            + [("seriesCount", count), ("seriesMinGapDays", min), ("seriesMaxGapDays", max)]
    }

    @Test("staff ask for a series: its rhythm, the days the later sessions would take, and the series grouped")
    func seriesAsked() async throws {
        let fixture = try ServerFixture()
        let logs = LogRecorder()
        let app = try buildApplication(
            configuration: fixture.configuration, database: fixture.database, logger: logs.logger())
        let resident = #"<script>alert("série")</script>"#
        try await app.test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            #expect(page.contains("Série de séances (facultatif)"))
            #expect(page.contains("Nombre de séances"))
            let asked = try await PageForms.ask(
                client, site: Self.site, cookie: cookie, page: page,
                fields: Self.seriesRequest(resident: resident, count: "3", min: "4", max: "7"))
            #expect(asked.status == .ok)
            let html = String(buffer: asked.body)
            #expect(html.contains("Série de 3 séances — tous les 4 à 7 jours. Ces créneaux sont pour la séance 1"))
            let proposals = PageForms.proposals(in: html)
            let firstId = try #require(proposals.first)
            let first = try #require(try fixture.database.proposal(id: firstId))
            let day = WallClock.paris.localDate(of: first.proposal.start)
            func short(_ date: LocalDate) -> String { String(FrenchVocabulary.numericDate(date).prefix(5)) }
            #expect(
                html.contains(
                    "Si vous confirmez ce créneau : séance 2 entre le \(short(day.adding(days: 4))) et le "
                        + "\(short(day.adding(days: 7))) ; séance 3 entre le \(short(day.adding(days: 8))) et le "
                        + "\(short(day.adding(days: 14)))."))
            #expect(html.contains(#"<h2 id="series">Séries de séances</h2>"#))
            #expect(html.contains("Dermatologie — Série de 3 séances — tous les 4 à 7 jours"))
            #expect(html.contains("<th scope=\"row\">Séance 1</th><td>—</td><td>—</td><td>à planifier</td>"))
            #expect(html.contains("<th scope=\"row\">Séance 3</th><td>après la séance 2</td>"))
            #expect(!html.contains(resident))
            #expect(html.contains("&lt;script&gt;alert(&quot;série&quot;)&lt;/script&gt;"))

            // Confirmed, the first session is listed with its day; the second waits for its days.
            let confirmed = try await PageForms.post(
                client, action: "\(Self.site)/reservations", cookie: cookie, page: html,
                fields: [("proposal", first.id)])
            #expect(confirmed.status == .seeOther)
            let after = String(
                buffer: try await client.execute(uri: Self.site, method: .get, headers: [.cookie: cookie]).body)
            #expect(
                after.contains(
                    "<th scope=\"row\">Séance 1</th><td>\(FrenchVocabulary.date(day)), "
                        + "\(FrenchVocabulary.time(WallClock.paris.localTime(of: first.proposal.start)))</td>"
                        + "<td>Dr Claire Fournier</td><td>confirmée</td>"))
            #expect(
                after.contains(
                    "<th scope=\"row\">Séance 2</th><td>à placer entre le \(short(day.adding(days: 4))) et le "
                        + "\(short(day.adding(days: 7)))</td><td>—</td><td>à planifier</td>"))
        }
        #expect(!logs.entries.contains { $0.text.contains("série") || $0.text.contains("<script>") })
    }

    @Test(
        "a series typed wrong comes back with a French reason beside each field, its text kept, and nothing stored",
        arguments: [
            ("1", "4", "7", "seriesCount", "Indiquez un nombre de séances entre 2 et 52"),
            ("99999999999999999999", "4", "7", "seriesCount", "Indiquez un nombre de séances entre 2 et 52"),
            ("3", "abc", "7", "seriesMinGapDays", "Indiquez un nombre de jours entre 1 et 366"),
            ("3", "4", "<script>x</script>", "seriesMaxGapDays", "Indiquez un nombre de jours entre 1 et 366"),
            ("3", "9", "5", "seriesMaxGapDays", "L’écart maximal ne peut pas être plus court que l’écart minimal"),
            ("", "4", "", "seriesCount", "ou laissez les trois champs de la série vides"),
        ])
    func seriesRefused(count: String, min: String, max: String, field: String, reason: String) async throws {
        let fixture = try ServerFixture()
        let before = try fixture.database.schedule().scenario.requests.count
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let refused = try await PageForms.ask(
                client, site: Self.site, cookie: cookie, page: page,
                fields: Self.seriesRequest(resident: "P-SERIE", count: count, min: min, max: max))
            #expect(refused.status == .badRequest)
            let html = String(buffer: refused.body)
            #expect(html.contains(reason))
            #expect(html.contains(#"id="\#(field)-erreur""#))
            #expect(!html.contains("<script>x</script>"))
            #expect(html.contains(#"value="P-SERIE""#))
        }
        #expect(try fixture.database.schedule().scenario.requests.count == before)
    }

    @Test("moving a session of a series says in French why no slot keeps the spacing with its neighbours")
    func spacingExplained() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let bookings = try await SeriesFixture.bookedSeries(client, fixture)
            try SeriesFixture.fillFriday(fixture.database)
            let (cookie, _, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let offered = try await PageForms.post(
                client, action: "\(Self.site)/reservations/\(bookings[1])/reschedule", cookie: cookie, page: page)
            #expect(offered.status == .ok)
            let html = String(buffer: offered.body)
            #expect(PageForms.proposals(in: html).isEmpty)
            #expect(
                html.contains(
                    "Aucun créneau possible : l’écart avec la séance 1 (le 22/03) et avec la séance 3 (le 02/04) "
                        + "doit rester entre 4 et 7 jours : aucun créneau n’est libre entre le 26/03 et le 29/03."))
            #expect(html.contains("Série de 3 séances — tous les 4 à 7 jours"))
        }
    }
}
