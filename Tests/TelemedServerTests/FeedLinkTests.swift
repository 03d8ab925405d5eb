import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Feed links on the pages")
struct FeedLinkTests {
    @Test("the staff page shows the same feed link on every view, writes nothing after the first, and the link works")
    func stableLink() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home, first) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let secret = try #require(Self.feedSecret(in: first))
            let generation = try fixture.database.changeGeneration()
            let again = try await client.execute(uri: home, method: .get, headers: [.cookie: cookie])
            #expect(Self.feedSecret(in: String(buffer: again.body)) == secret)
            #expect(try fixture.database.changeGeneration() == generation, "a second view wrote to the store")
            let feed = try await client.execute(uri: "/feeds/\(secret).ics", method: .get)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(String(buffer: feed.body).hasPrefix("BEGIN:VCALENDAR"))
        }
    }

    @Test("with the feed-link key kept, a restarted server shows the same links and writes nothing")
    func linkSurvivesRestart() async throws {
        let fixture = try ServerFixture()
        var configuration = fixture.configuration
        configuration.feedLinkKey = FeedLinkKey.random()
        let app = { try buildApplication(configuration: configuration, database: fixture.database) }
        let first = try await Self.siteAndUnitLinks(app(), fixture)
        #expect(first.site != first.unit, "a site and a unit share a link")
        let generation = try fixture.database.changeGeneration()
        let restarted = try await Self.siteAndUnitLinks(app(), fixture)
        #expect(restarted == first, "links changed on restart")
        #expect(try fixture.database.changeGeneration() == generation, "the restarted server wrote secrets")
    }

    @Test("a revoked page link is a 404, and the page then shows a new link that works")
    func revokedLink() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, home, page) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let revoked = try #require(Self.feedSecret(in: page))
            #expect(try fixture.database.revokeFeedSecret(revoked, actor: "planner"))
            #expect(try await client.execute(uri: "/feeds/\(revoked).ics", method: .get).status == .notFound)
            let next = try await client.execute(uri: home, method: .get, headers: [.cookie: cookie])
            let renewed = try #require(Self.feedSecret(in: String(buffer: next.body)))
            #expect(renewed != revoked)
            #expect(try await client.execute(uri: "/feeds/\(revoked).ics", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/feeds/\(renewed).ics", method: .get).status == .ok)
        }
    }

    @Test("the feed-link key is made once beside the database, readable by its owner only, and a bad one is refused")
    func keyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feed-link-key-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("telemed.sqlite.feed-links.key").path
        let made = try FeedLinkKey.loadOrCreate(at: path)
        #expect(made.count == FeedLinkKey.byteCount)
        #expect(try FeedLinkKey.loadOrCreate(at: path) == made)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try Data("short".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FeedLinkKey.Failure.self) { try FeedLinkKey.loadOrCreate(at: path) }
    }

    /// The feed secrets the EHPAD's staff page and the unit's crew page show.
    static func siteAndUnitLinks(
        _ app: some ApplicationProtocol, _ fixture: ServerFixture
    ) async throws -> (site: String, unit: String) {
        try await app.test(.router) { client in
            let (_, _, staff) = try await PageForms.signedInPage(
                client, token: fixture.token(site: ServerFixture.ehpad))
            let (_, _, crew) = try await PageForms.signedInPage(client, token: fixture.credentials.unitTokens["U-58"]!)
            return (try #require(Self.feedSecret(in: staff)), try #require(Self.feedSecret(in: crew)))
        }
    }

    /// The secret of the one feed link a page shows (every occurrence must name the same).
    static func feedSecret(in html: String) -> String? {
        let secrets = Set(
            html.components(separatedBy: "/feeds/").dropFirst().compactMap { part -> String? in
                let secret = String(part.prefix(64))
                return part.dropFirst(64).hasPrefix(".ics") ? secret : nil
            })
        return secrets.count == 1 ? secrets.first : nil
    }
}
