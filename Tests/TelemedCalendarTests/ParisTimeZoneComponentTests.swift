import CLibical
import Foundation
import Testing

@testable import TelemedCalendar

@Suite("Europe/Paris VTIMEZONE")
struct ParisTimeZoneComponentTests {
    @Test("the VTIMEZONE is named Europe/Paris and holds only the rules in force since 1996")
    func nameAndTruncation() throws {
        let text = try ParisTimeZoneComponent.text()
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("TZID:Europe/Paris"))
        #expect(!text.contains("freeassociation"))
        #expect(lines.count < 40, "expected a truncated zone, got \(lines.count) lines")
        #expect(text.contains("BYMONTH=3") && text.contains("BYMONTH=10"))
        #expect(lines.contains("TZOFFSETTO:+0200") && lines.contains("TZOFFSETTO:+0100"))
    }

    @Test(
        "the VTIMEZONE gives the same UTC offsets as Foundation across both DST weekends",
        arguments: ["2026-10-24T00:00:00Z", "2027-03-27T00:00:00Z"])
    func offsetsMatchFoundation(weekendStart: String) throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let first = try #require(ISO8601DateFormatter().date(from: weekendStart))
        let component = try ParisTimeZoneComponent.makeComponent()
        let zone = try #require(icaltimezone_new())
        defer { icaltimezone_free(zone, 1) }
        // The zone takes ownership of the component.
        #expect(icaltimezone_set_component(zone, component) == 1)
        let utc = icaltimezone_get_utc_timezone()
        var mismatches: [String] = []
        for step in 0..<(3 * 24 * 4) {
            let instant = first.addingTimeInterval(TimeInterval(step * 15 * 60))
            var time = icaltime_from_timet_with_zone(time_t(instant.timeIntervalSince1970), 0, utc)
            let libical = icaltimezone_get_utc_offset_of_utc_time(zone, &time, nil)
            let foundation = paris.secondsFromGMT(for: instant)
            if libical != Int32(foundation) { mismatches.append("\(instant): \(libical) vs \(foundation)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
