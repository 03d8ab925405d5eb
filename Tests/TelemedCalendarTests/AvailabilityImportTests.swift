import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Availability import")
struct AvailabilityImportTests {
    static let horizon = Horizon(
        start: LocalDate(year: 2027, month: 3, day: 22)!, end: LocalDate(year: 2027, month: 4, day: 2)!)
    static let window = AvailabilityImport.window(of: horizon)

    static func calendar(_ name: String) throws -> String {
        let url = FeedFixture.folder.deletingLastPathComponent().appendingPathComponent("calendars/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func busy(_ text: String) throws(CalendarError) -> [UTCInterval] {
        try BusyTimeReader.busyIntervals(in: text, within: window)
    }

    static func intervals(_ pairs: [(String, String)]) -> [UTCInterval] {
        pairs.map { UTCInterval(start: FeedFixture.date($0.0), end: FeedFixture.date($0.1)) }
    }

    /// A calendar around the given VEVENT lines, CRLF line ends.
    static func wrap(_ lines: [String], header: [String] = []) -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + header + lines + ["END:VCALENDAR", ""])
            .joined(separator: "\r\n")
    }

    @Test("the horizon is local midnight to local midnight, in UTC")
    func window() {
        #expect(Self.window.start == FeedFixture.date("2027-03-21T23:00:00Z"))
        #expect(Self.window.end == FeedFixture.date("2027-04-02T22:00:00Z"))
    }

    @Test(
        "a Google Calendar export: weekly rule with EXDATE, a moved and a cancelled occurrence, all-day, transparent, UTC"
    )
    func googleStyle() throws {
        #expect(
            try Self.busy(try Self.calendar("google-style.ics"))
                == Self.intervals([
                    ("2027-03-22T08:00:00Z", "2027-03-22T09:00:00Z"),  // Monday 09:00 winter time
                    ("2027-03-25T13:00:00Z", "2027-03-25T14:30:00Z"),  // UTC
                    ("2027-03-31T12:00:00Z", "2027-03-31T13:00:00Z"),  // moved to 14:00 summer time
                    ("2027-03-31T22:00:00Z", "2027-04-02T22:00:00Z"),  // two all-day Paris days
                ]))
    }

    @Test("an Outlook export: Windows zone VTIMEZONE, daily COUNT across the clock change, BYDAY, FREE ignored")
    func outlookStyle() throws {
        #expect(
            try Self.busy(try Self.calendar("outlook-style.ics"))
                == Self.intervals([
                    ("2027-03-23T09:00:00Z", "2027-03-23T10:00:00Z"),
                    ("2027-03-25T09:00:00Z", "2027-03-25T10:00:00Z"),
                    ("2027-03-26T07:00:00Z", "2027-03-26T07:30:00Z"),
                    ("2027-03-27T07:00:00Z", "2027-03-27T07:30:00Z"),
                    ("2027-03-28T06:00:00Z", "2027-03-28T06:30:00Z"),
                    ("2027-03-30T08:00:00Z", "2027-03-30T09:00:00Z"),
                    ("2027-04-01T08:00:00Z", "2027-04-01T09:00:00Z"),
                ]))
    }

    @Test("zones without a VTIMEZONE: a Windows name, another IANA zone, floating times in X-WR-TIMEZONE")
    func zonesWithoutDefinitions() throws {
        let text = Self.wrap(
            [
                "BEGIN:VEVENT", "UID:w", "DTSTART;TZID=W. Europe Standard Time:20270330T100000",
                "DTEND;TZID=W. Europe Standard Time:20270330T110000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:ny", "DTSTART;TZID=America/New_York:20270330T090000", "DURATION:PT30M",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:f", "DTSTART:20270331T080000", "DTEND:20270331T090000", "END:VEVENT",
            ], header: ["X-WR-TIMEZONE:Europe/London"])
        #expect(
            try Self.busy(text)
                == Self.intervals([
                    ("2027-03-30T08:00:00Z", "2027-03-30T09:00:00Z"),
                    ("2027-03-30T13:00:00Z", "2027-03-30T13:30:00Z"),
                    ("2027-03-31T07:00:00Z", "2027-03-31T08:00:00Z"),
                ]))
    }

    @Test("overlapping events merge and busy time is clipped to the horizon")
    func mergeAndClip() throws {
        let text = Self.wrap([
            "BEGIN:VEVENT", "UID:a", "DTSTART:20270320T080000Z", "DTEND:20270322T090000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b", "DTSTART:20270322T083000Z", "DTEND:20270322T100000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:c", "DTSTART:20270322T100000Z", "DTEND:20270322T103000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:d", "DTSTART:20270501T100000Z", "DTEND:20270501T103000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:e", "DTSTART:20270324T100000Z", "END:VEVENT",
        ])
        #expect(try Self.busy(text) == Self.intervals([("2027-03-21T23:00:00Z", "2027-03-22T10:30:00Z")]))
    }

    @Test("an EXDATE listing several dates removes each of them")
    func exdateList() throws {
        let text = Self.wrap([
            "BEGIN:VEVENT", "UID:daily", "DTSTART:20270322T080000Z", "DTEND:20270322T090000Z",
            "RRULE:FREQ=DAILY;COUNT=4", "EXDATE:20270323T080000Z,20270324T080000Z", "END:VEVENT",
        ])
        #expect(
            try Self.busy(text)
                == Self.intervals([
                    ("2027-03-22T08:00:00Z", "2027-03-22T09:00:00Z"), ("2027-03-25T08:00:00Z", "2027-03-25T09:00:00Z"),
                ]))
    }

    @Test("an endless weekly rule started years ago is expanded up to the horizon only")
    func longRunningRule() throws {
        let text = Self.wrap([
            "BEGIN:VEVENT", "UID:old", "DTSTART;TZID=Europe/Paris:20100104T140000",
            "DTEND;TZID=Europe/Paris:20100104T150000", "RRULE:FREQ=WEEKLY;BYDAY=MO", "END:VEVENT",
        ])
        #expect(
            try Self.busy(text)
                == Self.intervals([
                    ("2027-03-22T13:00:00Z", "2027-03-22T14:00:00Z"), ("2027-03-29T12:00:00Z", "2027-03-29T13:00:00Z"),
                ]))
    }

    @Test(
        "malformed files are refused with a message naming the problem",
        arguments: [
            ("not a calendar", "no BEGIN:VCALENDAR"),
            ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270322T090000Z\r\n", "no BEGIN:VCALENDAR"),
            (
                AvailabilityImportTests.wrap(["BEGIN:VEVENT", "UID:bad", "DTSTART:2027-03-22 09:00", "END:VEVENT"]),
                "bad"
            ),
            (AvailabilityImportTests.wrap(["BEGIN:VEVENT", "UID:nostart", "SUMMARY:x", "END:VEVENT"]), "no DTSTART"),
            (AvailabilityImportTests.wrap(["BOGUS LINE"]), "the calendar"),
            (
                AvailabilityImportTests.wrap([
                    "BEGIN:VEVENT", "UID:rule", "DTSTART:20270322T090000Z", "RRULE:FREQ=SOMETIMES", "END:VEVENT",
                ]), "rule"
            ),
        ])
    func malformed(text: String, mention: String) {
        do {
            _ = try Self.busy(text)
            Issue.record("accepted: \(text)")
        } catch {
            guard case .malformedCalendar(let detail) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(detail.contains(mention), "\(detail)")
        }
    }

    @Test("a TZID nothing defines is refused, naming the zone and the event")
    func unknownZone() {
        let text = Self.wrap(["BEGIN:VEVENT", "UID:m", "DTSTART;TZID=Mars/Olympus:20270322T090000", "END:VEVENT"])
        #expect(throws: CalendarError.unknownTimeZone(tzid: "Mars/Olympus", uid: "m")) { try Self.busy(text) }
    }

    @Test("importing replaces a previous import and keeps the other exceptions")
    func replacingImported() throws {
        var scenario = try FeedFixture.scenario()
        let congress = AvailabilityException(
            kind: .unavailable, start: FeedFixture.date("2027-03-23T08:00:00Z"),
            end: FeedFixture.date("2027-03-23T12:00:00Z"), note: "congrès")
        scenario.specialists[0].exceptions = [
            congress,
            AvailabilityException(
                kind: .unavailable, start: FeedFixture.date("2027-03-24T08:00:00Z"),
                end: FeedFixture.date("2027-03-24T12:00:00Z"), note: AvailabilityImport.note),
        ]
        let imported = try AvailabilityImport.exceptions(
            fromCalendar: try Self.calendar("google-style.ics"), horizon: scenario.horizon)
        let updated = try AvailabilityImport.replacingImported(imported, ofSpecialist: "S-01", in: scenario)
        #expect(updated.specialists[0].exceptions == [congress] + imported)
        #expect(imported.count == 4 && imported.allSatisfy { $0.kind == .unavailable })
        #expect(updated.specialists[1] == scenario.specialists[1])
        #expect(throws: CalendarError.unknownReference(kind: "specialist", id: "S-99")) {
            try AvailabilityImport.replacingImported(imported, ofSpecialist: "S-99", in: scenario)
        }
    }
}
