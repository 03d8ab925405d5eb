import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

/// Alarms in feeds: a `VALARM` on confirmed sessions of the kinds configured, none elsewhere.
@Suite("Feed alarms")
struct FeedAlarmTests {
    static let options = FeedOptions(alarms: [.site: 60, .unit: 30])

    @Test("confirmed sessions of a configured kind carry a display alarm; tentative and cancelled ones do not")
    func siteAlarms() throws {
        let source = try FeedFixture.source(options: Self.options)
        let ehpad = try FeedFixture.parsed(source.siteCalendar(for: source.scenario.sites[0]))
        let byId = Dictionary(uniqueKeysWithValues: ehpad.events.map { ($0.uid, $0) })
        let confirmed = try #require(byId["booking-B-1-site@telemed"])
        #expect(
            confirmed.alarms == [
                ParsedCalendar.Alarm(
                    action: "DISPLAY", triggerSeconds: -3600, description: "Rappel : \(confirmed.summary)")
            ])
        #expect(byId["booking-B-4-site@telemed"]?.alarms.count == 1)
        #expect(byId["booking-B-5-site@telemed"]?.status == "CANCELLED")
        #expect(byId["booking-B-5-site@telemed"]?.alarms == [], "a cancelled session rings no bell")
    }

    @Test("a unit's confirmed stops ring 30 minutes before; a kind without a setting has no alarm")
    func unitAndUnconfigured() throws {
        let source = try FeedFixture.source(options: Self.options)
        let route = try FeedFixture.parsed(source.unitRouteCalendar(for: source.scenario.units[0]))
        #expect(!route.events.isEmpty)
        for stop in route.events {
            #expect(stop.alarms.map(\.triggerSeconds) == (stop.status == "CONFIRMED" ? [-1800] : []), "\(stop.uid)")
        }
        #expect(route.events.contains { !$0.alarms.isEmpty })
        let fournier = try FeedFixture.parsed(source.specialistCalendar(for: source.scenario.specialists[0]))
        #expect(fournier.events.allSatisfy { $0.alarms.isEmpty }, "no specialist setting, no alarm")
    }

    @Test("without alarms the feeds are the bytes they always were")
    func noAlarmsByDefault() throws {
        let plain = try FeedFixture.source()
        let site = plain.scenario.sites[0]
        let text = try plain.siteCalendar(for: site).serialized()
        #expect(!text.contains("BEGIN:VALARM"))
        let withAlarms = try FeedFixture.source(options: Self.options).siteCalendar(for: site).serialized()
        #expect(withAlarms.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n"))
    }

    @Test("an alarm outside 1 minute to a week is refused")
    func outOfRange() throws {
        for minutes in [0, -5, 10_081] {
            let source = try FeedFixture.source(options: FeedOptions(alarms: [.site: minutes]))
            #expect(throws: CalendarError.self) { try source.siteCalendar(for: source.scenario.sites[0]).serialized() }
        }
    }
}
