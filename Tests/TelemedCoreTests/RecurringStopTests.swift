import Foundation
import Testing

@testable import TelemedCore

/// Circuits: a stop every week, every `everyWeeks` weeks from its anchor, or on one week of the
/// month. Fixed dates of 2027 only.
@Suite("Recurring stop patterns and their JSON")
struct RecurringStopTests {
    static func stop(
        _ day: Weekday, everyWeeks: Int? = nil, anchor: String? = nil, weekOfMonth: Int? = nil
    ) -> RecurringStop {
        RecurringStop(
            day: day, siteId: "T-21-0001", arrival: try! LocalTime("09:00"), departure: try! LocalTime("12:30"),
            everyWeeks: everyWeeks, anchorDate: anchor.map { try! LocalDate($0) }, weekOfMonth: weekOfMonth)
    }

    /// The dates of `stop` from `first` through `last`.
    static func occurrences(_ stop: RecurringStop, _ first: String, _ last: String) throws -> [String] {
        try LocalDate(first).through(LocalDate(last)).filter(stop.occurs(on:)).map(\.description)
    }

    @Test("a weekly stop happens on every date of its weekday, and only those")
    func weekly() throws {
        #expect(
            try Self.occurrences(Self.stop(.tuesday), "2027-01-01", "2027-01-31")
                == ["2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26"])
        #expect(Self.stop(.tuesday).isWeekly)
        #expect(Self.stop(.tuesday, everyWeeks: 1).isWeekly)
    }

    @Test("a fortnightly stop happens every other week, before and after its anchor, across a month end")
    func fortnightly() throws {
        let stop = Self.stop(.tuesday, everyWeeks: 2, anchor: "2027-01-12")
        #expect(
            try Self.occurrences(stop, "2026-12-01", "2027-02-28")
                == ["2026-12-01", "2026-12-15", "2026-12-29", "2027-01-12", "2027-01-26", "2027-02-09", "2027-02-23"])
        #expect(!stop.isWeekly)
        #expect(stop.cadence == "every 2 weeks on tuesdays from 2027-01-12")
    }

    @Test("every 3 weeks counts from the anchor across a year end")
    func everyThreeWeeks() throws {
        let stop = Self.stop(.friday, everyWeeks: 3, anchor: "2027-01-08")
        #expect(
            try Self.occurrences(stop, "2026-12-01", "2027-02-10")
                == ["2026-12-18", "2027-01-08", "2027-01-29"])
    }

    @Test("the first Tuesday of the month, and the last Friday whether the month has four or five")
    func weekOfMonth() throws {
        let first = Self.stop(.tuesday, weekOfMonth: 1)
        #expect(
            try Self.occurrences(first, "2027-01-01", "2027-04-30")
                == ["2027-01-05", "2027-02-02", "2027-03-02", "2027-04-06"])
        #expect(first.cadence == "the first tuesday of the month")
        let fourth = Self.stop(.tuesday, weekOfMonth: 4)
        #expect(try Self.occurrences(fourth, "2027-03-01", "2027-03-31") == ["2027-03-23"])
        let last = Self.stop(.friday, weekOfMonth: RecurringStop.lastWeekOfMonth)
        // January 2027 has five Fridays (1…29), February four (5…26).
        #expect(try Self.occurrences(last, "2027-01-01", "2027-02-28") == ["2027-01-29", "2027-02-26"])
        #expect(last.cadence == "the last friday of the month")
    }

    @Test("a weekly stop encodes without the pattern keys, byte for byte as before circuits")
    func weeklyEncodesAsBefore() throws {
        let json = String(decoding: try ScenarioCoder.encode(Self.stop(.tuesday)), as: UTF8.self)
        #expect(
            json == """
                {
                  "arrival" : "09:00",
                  "day" : "tuesday",
                  "departure" : "12:30",
                  "siteId" : "T-21-0001"
                }

                """)
        let decoded = try ScenarioCoder.decode(RecurringStop.self, from: Data(json.utf8))
        #expect(decoded == Self.stop(.tuesday))
        #expect(decoded.everyWeeks == nil && decoded.anchorDate == nil && decoded.weekOfMonth == nil)
    }

    @Test(
        "a stop with a pattern round-trips through JSON with its keys",
        arguments: [
            stop(.tuesday, everyWeeks: 2, anchor: "2027-01-12"), stop(.tuesday, weekOfMonth: 1),
            stop(.friday, weekOfMonth: -1), stop(.monday, everyWeeks: 1),
        ])
    func patternRoundTrips(_ stop: RecurringStop) throws {
        let data = try ScenarioCoder.encode(stop)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"everyWeeks\"") == (stop.everyWeeks != nil))
        #expect(json.contains("\"anchorDate\"") == (stop.anchorDate != nil))
        #expect(json.contains("\"weekOfMonth\"") == (stop.weekOfMonth != nil))
        #expect(try ScenarioCoder.decode(RecurringStop.self, from: data) == stop)
    }

    @Test("the small example with a fortnightly stop round-trips and still validates")
    func scenarioRoundTrip() throws {
        var scenario = try SmallScenario.load()
        scenario.units[0].recurringStops[0].everyWeeks = 2
        scenario.units[0].recurringStops[0].anchorDate = try LocalDate("2027-01-12")
        let data = try ScenarioCoder.encode(scenario)
        #expect(try ScenarioCoder.decode(data) == scenario)
        #expect(String(decoding: data, as: UTF8.self).contains("\"anchorDate\" : \"2027-01-12\""))
        #expect(ScenarioValidator().validate(scenario).isEmpty)
    }

    @Test("an unknown key in a recurring stop is still reported; the pattern keys are known")
    func patternKeysAreKnown() throws {
        let known = try SmallScenario.data(
            setting: [
                "day": "tuesday", "siteId": "T-21-0001", "arrival": "09:00", "departure": "12:30", "everyWeeks": 2,
                "anchorDate": "2027-01-12",
            ], at: "units[0].recurringStops[0]")
        #expect(UnknownFieldCheck.issues(in: known).isEmpty)
        let typo = try SmallScenario.data(
            setting: [
                "day": "tuesday", "siteId": "T-21-0001", "arrival": "09:00", "departure": "12:30", "everyWeek": 2,
            ],
            at: "units[0].recurringStops[0]")
        #expect(
            UnknownFieldCheck.issues(in: typo).map(\.description) == [
                "units[0].recurringStops[0].everyWeek: unknown field; did you mean \"everyWeeks\"?"
            ])
    }
}
