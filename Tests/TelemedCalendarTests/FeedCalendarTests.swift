import CLibical
import Foundation
import Testing

@testable import TelemedCalendar

@Suite("FeedCalendar")
struct FeedCalendarTests {
    private static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    private func event(
        uid: String = "booking-1@telemed", summary: String = "Dermatologie — P-7F3A",
        description: String? = nil, start: String = "2026-10-26T09:00:00Z", end: String = "2026-10-26T09:30:00Z"
    ) -> FeedEvent {
        FeedEvent(
            uid: uid, summary: summary, description: description, location: "EHPAD Les Tilleuls, Beaufort",
            start: Self.date(start), end: Self.date(end), stamp: Self.date("2026-10-20T12:00:00Z"), sequence: 3)
    }

    @Test("a feed parses back with its header, one VTIMEZONE and a zoned DTSTART")
    func headerAndRoundTrip() throws {
        var feed = FeedCalendar(name: "Unité mobile 3, Nièvre; Morvan")
        try feed.addEvent(event())
        let text = try feed.serialized()
        let lines = text.components(separatedBy: "\r\n")
        for expected in [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//telemed//telemed 1.0//FR", "METHOD:PUBLISH",
            "X-WR-TIMEZONE:Europe/Paris", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
            "DTSTART;TZID=Europe/Paris:20261026T100000", "DTEND;TZID=Europe/Paris:20261026T103000",
            "DTSTAMP:20261020T120000Z", "SEQUENCE:3", "STATUS:CONFIRMED",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        let parsed = try #require(ParsedCalendar(text))
        #expect(parsed.errorCount == 0)
        #expect(parsed.calendarName == "Unité mobile 3, Nièvre; Morvan")
        #expect(parsed.timeZoneIDs == ["Europe/Paris"])
        let parsedEvent = try #require(parsed.events.first)
        #expect(parsedEvent.startTZID == "Europe/Paris")
        #expect(parsedEvent.start == Self.date("2026-10-26T09:00:00Z"))
        #expect(parsedEvent.end == Self.date("2026-10-26T09:30:00Z"))
    }

    @Test(
        "events on the DST weekends read back at the same instant through the shipped VTIMEZONE",
        arguments: [
            "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z",
            "2026-10-25T01:59:59Z", "2026-10-25T02:00:00Z", "2026-10-25T08:00:00Z",
            "2027-03-27T23:30:00Z", "2027-03-28T01:00:00Z", "2027-03-28T08:00:00Z",
        ])
    func dstRoundTrip(start: String) throws {
        var feed = FeedCalendar(name: "DST")
        let startDate = Self.date(start)
        try feed.addEvent(
            FeedEvent(uid: "dst@telemed", summary: "x", start: startDate, end: startDate + 1800, stamp: startDate))
        let parsed = try #require(ParsedCalendar(try feed.serialized()))
        #expect(parsed.events.first?.start == startDate)
        #expect(parsed.events.first?.end == startDate + 1800)
    }

    @Test(
        "a hostile SUMMARY reads back as the same text, CR aside, and adds no property",
        arguments: ["\r\n", "\n", "\r"])
    func hostileSummary(lineBreak: String) throws {
        let hostile = "Visite\(lineBreak)ATTENDEE:mailto:x@evil; a, b \\ c\tz 🏥"
        var feed = FeedCalendar(name: "Hostile")
        try feed.addEvent(event(summary: hostile))
        let text = try feed.serialized()
        #expect(!text.components(separatedBy: "\r\n").contains { $0.hasPrefix("ATTENDEE") })
        let parsed = try #require(ParsedCalendar(text))
        let parsedEvent = try #require(parsed.events.first)
        // iCalendar TEXT knows one line break (\n): CRLF and CR are written as it.
        #expect(parsedEvent.summary == "Visite\nATTENDEE:mailto:x@evil; a, b \\ c\tz 🏥")
        #expect(!parsedEvent.propertyNames.contains("ATTENDEE"))
        #expect(
            parsedEvent.propertyNames.sorted()
                == ["DTEND", "DTSTAMP", "DTSTART", "LAST-MODIFIED", "LOCATION", "SEQUENCE", "STATUS", "SUMMARY", "UID"])
    }

    @Test("long lines are folded at 75 octets or fewer without splitting UTF-8 and unfold to the original")
    func folding() throws {
        // No trailing blank: libical's parser trims the end of a value.
        let long = String(repeating: "Plaie chronique — suivi é🏥 ", count: 20) + "fin"
        var feed = FeedCalendar(name: "Folding")
        try feed.addEvent(event(description: long))
        let text = try feed.serialized()
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for line in lines {
            #expect(line.count <= 76, "line of \(line.count - 1) octets")  // the CR is still on each line
            #expect(String(validating: Array(line), as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        #expect(lines.count > 20)
        #expect(try #require(ParsedCalendar(text)).events.first?.description == long)
    }

    @Test("a line break in the calendar name cannot inject a content line")
    func calendarNameInjection() throws {
        let feed = FeedCalendar(name: "Unité 3\nMETHOD:CANCEL", description: "Route \\ live\r\nX-EVIL:1")
        let text = try feed.serialized()
        let lines = text.components(separatedBy: "\r\n")
        #expect(!lines.contains("METHOD:CANCEL") && !lines.contains { $0.hasPrefix("X-EVIL") })
        #expect(try #require(ParsedCalendar(text)).calendarName == "Unité 3\nMETHOD:CANCEL")
    }

    @Test("an instant in the repeated autumn hour is written in UTC, others in local time")
    func ambiguousHourInUTC() throws {
        var feed = FeedCalendar(name: "DST")
        let start = Self.date("2026-10-25T00:30:00Z")
        try feed.addEvent(FeedEvent(uid: "a@telemed", summary: "x", start: start, end: start + 7200, stamp: start))
        let lines = try feed.serialized().components(separatedBy: "\r\n")
        #expect(lines.contains("DTSTART:20261025T003000Z"))
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20261025T033000"))
    }

    @Test("a NUL character or an inverted interval is refused with a typed error")
    func refusals() {
        var feed = FeedCalendar(name: "Refusals")
        #expect(throws: CalendarError.invalidText(field: "summary")) {
            try feed.addEvent(event(summary: "cut\u{0}here"))
        }
        #expect(throws: CalendarError.invalidInterval(uid: "booking-1@telemed")) {
            try feed.addEvent(event(start: "2026-10-26T10:00:00Z", end: "2026-10-26T09:00:00Z"))
        }
        #expect(feed.events.isEmpty)
    }
}
