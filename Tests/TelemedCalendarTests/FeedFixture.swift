import Foundation
import TelemedCore

@testable import TelemedCalendar

/// The scenario and plan in `Tests/Fixtures/feeds` (bookings on both sides of the spring clock
/// change), and the feeds drawn from them.
enum FeedFixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/feeds")

    static let publishedAt = date("2027-03-20T12:00:00Z")

    static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func scenario() throws -> Scenario {
        try ScenarioCoder.load(contentsOf: folder.appendingPathComponent("scenario.json"))
    }

    static func plan() throws -> Plan {
        try ScenarioCoder.decode(Plan.self, from: Data(contentsOf: folder.appendingPathComponent("plan.json")))
    }

    static func source(
        scenario: Scenario? = nil, plan: Plan? = nil, changes: [Booking.ID: BookingChange] = [:],
        publishedAt: Date = FeedFixture.publishedAt, options: FeedOptions = FeedOptions()
    ) throws -> FeedSource {
        let scenario = try scenario ?? Self.scenario()
        return try FeedSource(
            scenario: scenario, plan: try plan ?? Self.plan(),
            travel: try scenario.travel.makeModel(relativeTo: folder),
            changes: changes, publishedAt: publishedAt, options: options)
    }

    /// The parsed feed of one owner, checked to parse without errors.
    static func parsed(_ calendar: FeedCalendar) throws -> ParsedCalendar {
        let text = try calendar.serialized()
        guard let parsed = ParsedCalendar(text), parsed.errorCount == 0 else {
            throw FixtureError(description: "libical could not read back:\n\(text)")
        }
        return parsed
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }
}
