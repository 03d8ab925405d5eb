import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TelemedServer

@Suite("Planner pages served")
struct PlannerPagesTests {
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
            let started = try await client.execute(
                uri: "/planification/simulations", method: .post, headers: PageForms.headers(cookie: cookie),
                body: PageForms.body([
                    ("csrf", csrf), ("variantName", "Demande +20 %"), ("change", "scaleDemand"),
                    ("demandFactor", "1,2"),
                ]))
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            var comparison = ""
            for _ in 0..<200 {
                let reply = String(
                    buffer: try await client.execute(uri: location, method: .get, headers: [.cookie: cookie]).body)
                if reply.contains("Indicateurs") {
                    comparison = reply
                    break
                }
                #expect(reply.contains("http-equiv=\"refresh\""))
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(comparison.contains("Demande +20 %"))
            #expect(comparison.contains("<svg"))
            let (siteCookie, _) = try await PageForms.signIn(client, token: fixture.token(site: ServerFixture.ehpad))
            let forbidden = try await client.execute(uri: home, method: .get, headers: [.cookie: siteCookie])
            #expect(forbidden.status == .forbidden)
        }
    }
}
