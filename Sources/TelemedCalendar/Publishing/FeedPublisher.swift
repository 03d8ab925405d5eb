import Foundation
import TelemedCore

/// Builds every feed of a scenario and plan: one per unit, specialist and site (in the
/// scenario's order), plus the index that lists them.
public struct FeedPublisher: Sendable {
    public let source: FeedSource

    public init(source: FeedSource) { self.source = source }

    public func feeds() throws(CalendarError) -> [PublishedFeed] {
        var feeds: [PublishedFeed] = []
        let scenario = source.scenario
        for unit in scenario.units {
            feeds.append(try published(.unit, unit.id.rawValue, source.unitRouteCalendar(for: unit)))
        }
        for specialist in scenario.specialists {
            feeds.append(try published(.specialist, specialist.id.rawValue, source.specialistCalendar(for: specialist)))
        }
        for site in scenario.sites {
            feeds.append(try published(.site, site.id.rawValue, source.siteCalendar(for: site)))
        }
        return feeds
    }

    /// `index.json`: the entries in feed order, sorted keys, pretty-printed, final newline.
    public static func indexJSON(_ feeds: [PublishedFeed]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return try! encoder.encode(feeds.map(\.indexEntry)) + Data("\n".utf8)
    }

    private func published(_ kind: FeedKind, _ ownerId: String, _ calendar: FeedCalendar) throws(CalendarError)
        -> PublishedFeed
    {
        PublishedFeed(
            kind: kind, ownerId: ownerId, fileName: PublishedFeed.fileName(kind: kind, ownerId: ownerId),
            eventCount: calendar.events.count, text: try calendar.serialized())
    }
}
