import Crypto
import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Feed publisher and index")
struct FeedPublisherTests {
    @Test("one feed per unit, specialist and site, each read back by libical with the events the index counts")
    func everyFeedParses() throws {
        let feeds = try FeedPublisher(source: try FeedFixture.source()).feeds()
        #expect(
            feeds.map(\.fileName) == [
                "unit-U-58.ics", "specialist-S-01.ics", "specialist-S-02.ics", "site-E-58-0001.ics",
                "site-T-58-0001.ics",
            ])
        #expect(feeds.map(\.eventCount) == [3, 2, 2, 3, 2])
        for feed in feeds {
            let parsed = try #require(ParsedCalendar(feed.text))
            #expect(parsed.errorCount == 0, "\(feed.fileName)")
            #expect(parsed.events.count == feed.eventCount)
            #expect(parsed.timeZoneIDs == ["Europe/Paris"])
            #expect(parsed.method == "PUBLISH")
            #expect(feed.text.hasSuffix("\r\n") && !feed.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            for line in feed.text.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 75, "\(feed.fileName): \(line)")
            }
            #expect(feed.indexEntry.sha256 == SHA256.hash(data: Data(feed.text.utf8)).lowercaseHex)
        }
        let index = try JSONDecoder().decode([FeedIndexEntry].self, from: FeedPublisher.indexJSON(feeds))
        #expect(index.map(\.ownerId) == ["U-58", "S-01", "S-02", "E-58-0001", "T-58-0001"])
        #expect(index.first?.kind == .unit)
    }

    @Test("file names keep safe characters and spell others as _XX, so they never collide")
    func fileNames() {
        #expect(PublishedFeed.fileName(kind: .site, ownerId: "E-58-0001") == "site-E-58-0001.ics")
        #expect(PublishedFeed.fileName(kind: .unit, ownerId: "../a b_é") == "unit-.._2Fa_20b_5F_C3_A9.ics")
    }
}
