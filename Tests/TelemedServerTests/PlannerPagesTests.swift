import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TelemedServer

@Suite("Planner pages served")
struct PlannerPagesTests {
    /// Reads a page until it holds `text` (a background run ended), up to 200 times 100 ms;
    /// `waiting` checks each page read before. Empty when it never did.
    private static func read(
        _ uri: String, until text: String, cookie: String, client: some TestClientProtocol,
        waiting: (String) -> Void = { _ in }
    ) async throws -> String {
        for _ in 0..<200 {
            let reply = String(
                buffer: try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]).body)
            if reply.contains(text) { return reply }
            waiting(reply)
            try await Task.sleep(for: .milliseconds(100))
        }
        return ""
    }

    @Test("a planner starts a what-if from the form, sees its progress, then the comparison; staff cannot (403)")
    func whatIf() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            #expect(home == "/planification")
            let page = String(
                buffer: try await client.execute(uri: home, method: .get, headers: [.cookie: cookie]).body)
            #expect(page.contains("Simuler un changement"))
            let csrf = try #require(PageForms.csrf(in: page, action: "/planification/simulations"))
            let refused = try await client.execute(
                uri: "/planification/simulations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf), ("variantName", "sans base"), ("change", "moveDepot")]))
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("Choisissez une unité mobile"))
            #expect(String(buffer: refused.body).contains("sans base"))
            let location = try await Self.startWhatIf(client, cookie: cookie, csrf: csrf)
            let comparison = try await Self.comparison(client, cookie: cookie, at: location)
            #expect(comparison.contains("Demande +20 %"))
            #expect(comparison.contains("<svg"))
            let (siteCookie, _) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let forbidden = try await client.execute(uri: home, method: .get, headers: [.cookie: siteCookie])
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("a what-if's comparison is still shown after the server restarts")
    func comparisonAfterRestart() async throws {
        let fixture = try ServerFixture()
        let location = try await fixture.app().test(.router) { client in
            let (cookie, home, page) = try await PageForms.signedInPage(
                client, token: fixture.credentials.plannerToken)
            let csrf = try #require(PageForms.csrf(in: page, action: "\(home)/simulations"))
            let location = try await Self.startWhatIf(client, cookie: cookie, csrf: csrf)
            _ = try await Self.comparison(client, cookie: cookie, at: location)
            return location
        }
        try await fixture.app().test(.router) { client in
            let (cookie, _) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            let reply = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie])
            #expect(reply.status == .ok)
            let comparison = String(buffer: reply.body)
            #expect(comparison.contains("Plan en vigueur et « Demande +20 % »"))
            #expect(comparison.contains("Indicateurs") && comparison.contains("<svg"))
            let unknown = try await client.execute(
                uri: "/planification/simulations/plan-UNKNOWN", method: .get, headers: [.cookie: cookie])
            #expect(unknown.status == .notFound)
        }
    }

    /// Posts the what-if form (demand +20 %) and returns the run's page.
    static func startWhatIf(_ client: some TestClientProtocol, cookie: String, csrf: String) async throws -> String {
        let started = try await client.execute(
            uri: "/planification/simulations", method: .post, headers: PageForms.headers(cookie: cookie),
            body: PageForms.body([
                ("csrf", csrf), ("variantName", "Demande +20 %"), ("change", "scaleDemand"), ("demandFactor", "1,2"),
            ]))
        #expect(started.status == .seeOther)
        return try #require(started.headers[.location])
    }

    /// The run's page once it shows the comparison: the progress page (refreshing itself) until then.
    static func comparison(_ client: some TestClientProtocol, cookie: String, at location: String) async throws
        -> String
    {
        let reply = try await read(location, until: "Indicateurs", cookie: cookie, client: client) {
            #expect($0.contains("http-equiv=\"refresh\""))
        }
        if reply.isEmpty { Issue.record("the what-if did not finish") }
        return reply
    }

    @Test("a planner re-optimises from the page and then reads what changed in the live schedule")
    func reoptimise() async throws {
        let fixture = try ServerFixture(
            configuration: ServerConfiguration(port: 0, planTimeLimit: .seconds(60), planIterations: 20),
            confirmedDays: 0)
        try await fixture.app().test(.router) { client in
            let (cookie, home) = try await PageForms.signIn(client, token: fixture.credentials.plannerToken)
            let page = String(
                buffer: try await client.execute(uri: home, method: .get, headers: [.cookie: cookie]).body)
            #expect(page.contains("Réoptimiser le plan") && !page.contains("Dernière réoptimisation"))
            let csrf = try #require(PageForms.csrf(in: page, action: "/planification/reoptimisations"))
            let started = try await client.execute(
                uri: "/planification/reoptimisations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", csrf)]))
            #expect(started.status == .seeOther && started.headers[.location] == home)
            let applied = try await Self.read(home, until: "Dernière réoptimisation", cookie: cookie, client: client)
            let run = try #require(try fixture.database.planRuns().first)
            let counts = try #require(run.applied)
            #expect(run.kind == "reoptimise")
            #expect(applied.contains("<strong>\(counts.unchanged)</strong> inchangée"))
            #expect(try fixture.database.auditEntries().contains { $0.action == "plan.apply" && $0.actor == "planner" })
            let refused = try await client.execute(
                uri: "/planification/reoptimisations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([("csrf", "forged")]))
            #expect(refused.status == .forbidden)
        }
    }
}
