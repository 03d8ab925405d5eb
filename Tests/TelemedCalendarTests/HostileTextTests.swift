import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

/// Strings from the data reach feeds as TEXT: whatever they hold, they read back as the same text
/// and never add a property.
@Suite("Hostile strings in feeds")
struct HostileTextTests {
    static let hostile = "X\r\nATTENDEE:mailto:x@evil; a, b \\ c 🏥"
    /// iCalendar TEXT has one line break: CRLF reads back as LF.
    static let readBack = "X\nATTENDEE:mailto:x@evil; a, b \\ c 🏥"

    static func hostileSource() throws -> FeedSource {
        var scenario = try FeedFixture.scenario()
        scenario.requests[0].patientRef = hostile
        scenario.sites[0].name = hostile
        scenario.sites[0].commune = hostile
        scenario.sites[0].address = hostile
        scenario.specialists[0].name = hostile
        return try FeedFixture.source(scenario: scenario)
    }

    @Test("every feed of a plan with hostile names holds them as text and no extra property")
    func everyFeed() throws {
        let source = try Self.hostileSource()
        for feed in try FeedPublisher(source: source).feeds() {
            let lines = feed.text.components(separatedBy: "\r\n")
            #expect(!lines.contains { $0.hasPrefix("ATTENDEE") }, "\(feed.fileName)")
            let parsed = try #require(ParsedCalendar(feed.text))
            #expect(parsed.errorCount == 0)
            for event in parsed.events {
                #expect(!event.propertyNames.contains("ATTENDEE"), "\(feed.fileName): \(event.uid)")
                #expect(Set(event.propertyNames).isSubset(of: Self.allowedProperties), "\(event.propertyNames)")
            }
        }
    }

    @Test("the patient reference, site and specialist names read back exactly, CRLF as LF")
    func exactText() throws {
        let source = try Self.hostileSource()
        let specialist = try FeedFixture.parsed(source.specialistCalendar(for: source.scenario.specialists[0]))
        let event = try #require(specialist.events.first)
        #expect(event.summary == "Téléconsultation · Dermatologie · \(Self.readBack)")
        #expect(event.location == "\(Self.readBack), \(Self.readBack), \(Self.readBack)")
        #expect(event.description?.contains("Patient : \(Self.readBack)\n") == true)
        #expect(specialist.calendarName == "Séances · \(Self.readBack)")
        let site = try FeedFixture.parsed(source.siteCalendar(for: source.scenario.sites[0]))
        #expect(site.events.first?.description?.contains("Intervenant : \(Self.readBack)\n") == true)
        #expect(
            event.propertyNames.sorted() == [
                "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "LAST-MODIFIED", "LOCATION", "SEQUENCE", "STATUS",
                "SUMMARY", "UID", "URL",
            ])
    }

    static let allowedProperties: Set<String> = [
        "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION",
        "GEO", "URL", "STATUS",
    ]
}
