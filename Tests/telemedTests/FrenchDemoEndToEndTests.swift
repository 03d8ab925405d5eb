import Foundation
import TelemedTestSupport
import Testing

/// The demo region as `telemed serve` sets it up and shows it: its staff, crew and planner pages
/// and its site, unit and specialist feeds carry no rule name, raw value or English word.
@Suite("French only: the served demo region", .serialized)
struct FrenchDemoEndToEndTests {
    @Test("the demo's pages and feeds, as served, read in French only")
    func servedDemo() async throws {
        let server = try RunningServer(setUpDemo: true)
        defer { _ = server.stop() }
        var shown: [(name: String, words: [String])] = []

        let sites = server.credentials.siteTokens.keys.sorted()
        for site in sites.prefix(4) + sites.suffix(2) {
            let staff = PageVisitor(base: server.baseURL)
            _ = try staff.signIn(try #require(server.credentials.siteTokens[site]))
            let page = try staff.get("/sites/\(site)")
            #expect(page.status == 200)
            shown.append(("staff page \(site)", VisibleText.html(page.body)))
        }
        for unit in server.credentials.unitTokens.keys.sorted() {
            let crew = PageVisitor(base: server.baseURL)
            _ = try crew.signIn(try #require(server.credentials.unitTokens[unit]))
            let page = try crew.get("/unites/\(unit)")
            #expect(page.status == 200)
            shown.append(("crew page \(unit)", VisibleText.html(page.body)))
        }
        let planner = PageVisitor(base: server.baseURL)
        _ = try planner.signIn(server.credentials.plannerToken)
        let home = try planner.get("/planification")
        #expect(home.status == 200)
        shown.append(("planner page", VisibleText.html(home.body)))

        for kind in ["site", "unit", "specialist"] {
            let owners = server.credentials.feeds.filter { $0.kind == kind }.map(\.ownerId).sorted()
            #expect(!owners.isEmpty, "no \(kind) feed")
            for owner in owners.prefix(3) {
                let feed = try await server.send("GET", server.credentials.feedPath(kind, owner))
                #expect(feed.status == 200)
                shown.append(("\(kind) feed \(owner)", VisibleText.ics(feed.text)))
            }
        }

        #expect(shown.allSatisfy { !$0.words.isEmpty })
        #expect(shown.contains { $0.name.hasPrefix("unit feed") && $0.words.contains("Arrêt") })
        for (name, words) in shown {
            #expect(FrenchOnlyCheck.foreign(words).isEmpty, "\(name): \(FrenchOnlyCheck.foreign(words))")
        }
    }
}
