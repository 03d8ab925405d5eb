import Foundation
import Testing

/// Runs `scripts/check_feeds.py` (Python's icalendar, independent of libical) on a folder of
/// published feeds and decodes what it read.
enum PythonFeedCheck {
    struct Report: Decodable {
        var feeds: [String: Feed]
    }

    struct Feed: Decodable {
        var calendar: [String: String]
        var timezones: [String]
        var events: [Event]
    }

    struct Event: Decodable {
        var uid: String
        var summary: String?
        var description: String?
        var location: String?
        var url: String?
        var status: String?
        var sequence: Int
        var properties: [String]
        var dtstart: Time?
        var dtend: Time?
        var alarms: [Alarm]
        var categories: [String]
    }

    struct Alarm: Decodable, Equatable {
        var action: String
        /// Seconds from the start: negative before it.
        var trigger: Int
        var description: String
    }

    struct Time: Decodable {
        var local: String
        var utc: String?
        var tzid: String?
    }

    /// Fails (never skips) when Python or icalendar is missing.
    static func check(_ folder: URL) throws -> Report {
        try PythonTools.require("icalendar", package: "icalendar")
        let result = try PythonTools.python(["scripts/check_feeds.py", folder.path])
        #expect(result.status == 0, "check_feeds.py: \(result.standardError)")
        return try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    }
}
