import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// The planner page's campaigns: the form creating one (refused in French, field by field), the
/// progress per site once planned, and the activity report's campaign figures.
@Suite("Campaigns on the planner page")
struct CampaignPagesTests {
    static let form: [(String, String)] = [
        ("name", "Dépistage ECG printemps"), ("kind", "screening"), ("mode", "crew"), ("specialty", "cardiology"),
        ("periodStart", "2027-03-22"), ("periodEnd", "2027-04-02"), ("targets", "T-58-0001 6\r\nE-58-0001 : 4"),
        ("minutesPerPatient", "15"), ("equipment", "ecg"),
    ]

    static func replacing(_ name: String, with value: String) -> [(String, String)] {
        form.map { $0.0 == name ? ($0.0, value) : $0 }
    }

    @Test("a planner creates a campaign from the page; it is planned and its progress shown per site and in the report")
    func created() async throws {
        let fixture = try CampaignAPITests.fixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home, page) = try await PageForms.signedInPage(client, token: fixture.credentials.plannerToken)
            #expect(
                page.contains("Campagnes de dépistage et de repérage")
                    && page.contains("Aucune campagne pour l’instant"))
            let csrf = try #require(PageForms.csrf(in: page, action: "/planification/campagnes"))
            let created = try await client.execute(
                uri: "/planification/campagnes", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf)] + Self.form))
            #expect(created.status == .seeOther)
            let campaign = try #require(try fixture.database.campaigns().first)
            #expect(campaign.targets.map(\.patients) == [6, 4] && campaign.equipment == [.ecg])
            let run = try #require(try fixture.database.planRuns().first)
            let planner = ServerFixture.bearer(fixture.credentials.plannerToken)
            try await CampaignAPITests.awaitRun(run.id, client: client, headers: planner)

            let after = String(
                buffer: try await client.execute(uri: home, method: .get, headers: [.cookie: cookie]).body)
            #expect(after.contains("Dépistage ECG printemps — du"))
            #expect(after.contains("<th scope=\"row\">Ensemble</th><td>10</td><td>10</td>"))
            #expect(after.contains("Maison de santé du Morvan ("), "sites are named, not shown by id")
            let report = String(
                buffer: try await client.execute(
                    uri: "/planification/activite?du=2027-03-01&au=2027-04-30", method: .get, headers: [.cookie: cookie]
                ).body)
            #expect(report.contains("Avancement des campagnes"))
            #expect(report.contains("Dépistage ECG printemps (du"))
        }
    }

    @Test(
        "a campaign form the region refuses comes back with the reason beside the field and creates nothing",
        arguments: [
            ("targets", "E-99-9999 3", "n’est ni un lieu de la région ni un code INSEE"),
            ("targets", "T-58-0001 trois", "Ligne 1"),
            ("targets", "T-58-0001 3\nT-58-0001 4", "figure déjà plus haut"),
            ("periodStart", "2027-03-01", "avant aujourd’hui"),
            ("periodEnd", "2027-03-20", "avant le premier"),
            ("minutesPerPatient", "0", "Une durée entière, de 1 à 240 min"),
            ("name", "", "Donnez un nom"),
            ("targets", "99999 5", "La région refuse cette campagne"),
            ("equipment", "<script>", "Cochez des équipements"),
        ])
    func refused(field: String, value: String, reason: String) async throws {
        let fixture = try CampaignAPITests.fixture()
        try await fixture.app().test(.router) { client in
            let (cookie, _, page) = try await PageForms.signedInPage(client, token: fixture.credentials.plannerToken)
            let csrf = try #require(PageForms.csrf(in: page, action: "/planification/campagnes"))
            let reply = try await client.execute(
                uri: "/planification/campagnes", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf)] + Self.replacing(field, with: value)))
            #expect(reply.status == .badRequest)
            let html = String(buffer: reply.body)
            #expect(html.contains(reason), "\(reason) missing")
            #expect(html.contains("La campagne n’a pas été créée"))
            #expect(html.contains("id=\"campagne-\(field)-erreur\""), "the reason sits beside \(field)")
            #expect(!html.contains("<script>"))
        }
        #expect(try fixture.database.campaigns().isEmpty)
        #expect(try fixture.database.planRuns().isEmpty)
    }

    @Test("the campaign form needs the planner's session and its CSRF token")
    func protected() async throws {
        let fixture = try CampaignAPITests.fixture()
        try await fixture.app().test(.router) { client in
            let (cookie, _) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            let forged = try await client.execute(
                uri: "/planification/campagnes", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", "forged")] + Self.form))
            #expect(forged.status == .forbidden)
            let (staff, _) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let denied = try await client.execute(
                uri: "/planification/campagnes", method: .post, headers: PageForms.headers(cookie: staff),
                body: PageForms.body(Self.form))
            #expect(denied.status == .forbidden)
        }
        #expect(try fixture.database.campaigns().isEmpty)
    }

    @Test(
        "the programmes demo's campaign, 300 patients at 20 sites, is shown planned on the planner page and in unit feeds"
    )
    func programmesDemo() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/campaigns-demo.json")
        let scenario = try ScenarioCoder.load(contentsOf: url)
        let campaign = try #require(scenario.campaigns.first)
        let clock = ServiceClock.manual(ManualTime(try ServiceClock.instant("2027-01-04T08:00:00+01:00")))
        // A short search, as the solver's own demo test: the first plan leaves a few screenings
        // of the period's busiest days for the repairs.
        let fixture = try ServerFixture(
            confirmedDays: 0, clock: clock, scenario: scenario, iterations: 300)
        let progress = try #require(try fixture.database.campaignProgress().first)
        #expect(progress.total.patients == 300 && progress.total.planned == 300 && progress.sites.count == 20)
        try await fixture.app().test(.router) { client in
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            let page = String(
                buffer: try await client.execute(uri: home, method: .get, headers: [.cookie: cookie]).body)
            #expect(page.contains("\(campaign.name) — du"))
            #expect(
                page.contains("<th scope=\"row\">Ensemble</th><td>300</td><td>300</td><td>0</td><td>0</td><td>0</td>"))
            var named = 0
            for unit in scenario.units {
                let feed = try await client.execute(uri: fixture.feed("unit", unit.id.rawValue).path, method: .get)
                // Unfolded (RFC 5545 3.1), the name's comma escaped as TEXT values are (3.3.11).
                let text = String(buffer: feed.body).replacingOccurrences(of: "\r\n ", with: "")
                let escaped = campaign.name.replacingOccurrences(of: ",", with: "\\,")
                named +=
                    text.components(separatedBy: "\r\n").filter {
                        $0.hasPrefix("SUMMARY:Arrêt") && $0.contains("Campagne « \(escaped) »")
                    }.count
            }
            #expect(named > 10, "the units' stops that screen the campaign's patients say so")
        }
    }
}
