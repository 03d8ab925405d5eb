import Foundation
import Testing

@testable import TelemedCore

/// The two DST Sundays around the first planning season: 2026-10-25 (clocks back, 25 h) and
/// 2027-03-28 (clocks forward, 23 h).
@Suite("WallClock converts Paris wall-clock rules to UTC")
struct WallClockTests {
    let paris = WallClock.paris

    private func date(_ text: String) throws -> LocalDate { try LocalDate(text) }
    private func time(_ text: String) throws -> LocalTime { try LocalTime(text) }

    /// `2026-10-25T07:00` read as UTC, built without the code under test.
    private func utc(_ day: String, _ clock: String) throws -> Date {
        let seconds = try date(day).daysSinceEpoch * 86_400 + time(clock).minutesSinceMidnight * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func weekly(_ day: Weekday, _ start: String, _ end: String) throws -> WeeklyWindow {
        WeeklyWindow(day: day, start: try time(start), end: try time(end))
    }

    @Test("Paris is Europe/Paris and unknown zones are rejected")
    func identifiers() {
        #expect(paris.identifier == "Europe/Paris")
        #expect(WallClock(identifier: "Europe/Nowhere") == nil)
        #expect(WallClock(identifier: "America/Cayenne")?.identifier == "America/Cayenne")
    }

    @Test("A local day lasts 25 h on 2026-10-25, 23 h on 2027-03-28 and 24 h otherwise")
    func dayLengths() throws {
        #expect(paris.dayInterval(try date("2026-10-25")).minutes == 25 * 60)
        #expect(paris.dayInterval(try date("2027-03-28")).minutes == 23 * 60)
        #expect(paris.dayInterval(try date("2026-10-24")).minutes == 24 * 60)
        let autumn = paris.dayInterval(try date("2026-10-25"))
        #expect(autumn.start == (try utc("2026-10-24", "22:00")))
        #expect(autumn.end == (try utc("2026-10-25", "23:00")))
    }

    @Test("08:00–12:00 is 06:00Z–10:00Z on 2026-10-24 and 07:00Z–11:00Z on 2026-10-25")
    func morningAcrossAutumnChange() throws {
        let saturday = paris.interval(on: try date("2026-10-24"), from: try time("08:00"), to: try time("12:00"))
        let sunday = paris.interval(on: try date("2026-10-25"), from: try time("08:00"), to: try time("12:00"))
        #expect(saturday == UTCInterval(start: try utc("2026-10-24", "06:00"), end: try utc("2026-10-24", "10:00")))
        #expect(sunday == UTCInterval(start: try utc("2026-10-25", "07:00"), end: try utc("2026-10-25", "11:00")))
    }

    @Test("09:00 is 08:00Z on 2027-03-27 and 07:00Z on 2027-03-28")
    func morningAcrossSpringChange() throws {
        #expect(paris.instant(on: try date("2027-03-27"), at: try time("09:00")) == (try utc("2027-03-27", "08:00")))
        #expect(paris.instant(on: try date("2027-03-28"), at: try time("09:00")) == (try utc("2027-03-28", "07:00")))
    }

    @Test("A time in the spring-forward gap maps to the instant the clocks jump to")
    func gap() throws {
        let day = try date("2027-03-28")
        let jump = try utc("2027-03-28", "01:00")
        #expect(paris.instant(on: day, at: try time("02:00")) == jump)
        #expect(paris.instant(on: day, at: try time("02:30")) == jump)
        #expect(paris.instant(on: day, at: try time("03:00")) == jump)
        #expect(paris.instant(on: day, at: try time("01:59")) == (try utc("2027-03-28", "00:59")))
        #expect(paris.interval(on: day, from: try time("02:00"), to: try time("02:45")) == nil)
        #expect(paris.interval(on: day, from: try time("02:30"), to: try time("04:00"))?.minutes == 60)
    }

    @Test("An ambiguous fall-back time maps to its first occurrence, on the summer offset")
    func ambiguity() throws {
        let day = try date("2026-10-25")
        #expect(paris.instant(on: day, at: try time("02:30")) == (try utc("2026-10-25", "00:30")))
        #expect(paris.instant(on: day, at: try time("02:00")) == (try utc("2026-10-25", "00:00")))
        #expect(paris.instant(on: day, at: try time("03:00")) == (try utc("2026-10-25", "02:00")))
        #expect(paris.interval(on: day, from: try time("02:00"), to: try time("03:00"))?.minutes == 120)
    }

    @Test("24:00 is the next day's midnight, and end <= start gives no interval")
    func endOfDay() throws {
        let day = try date("2026-10-24")
        #expect(paris.instant(on: day, at: .endOfDay) == paris.instant(on: day.adding(days: 1), at: .midnight))
        #expect(paris.interval(on: day, from: try time("20:00"), to: .endOfDay)?.minutes == 4 * 60)
        #expect(paris.interval(on: day, from: try time("12:00"), to: try time("12:00")) == nil)
        #expect(paris.interval(on: day, from: try time("12:00"), to: try time("08:00")) == nil)
    }

    @Test("Weekly windows over the autumn-change week give the right UTC intervals, nights merged")
    func weeklyAutumn() throws {
        let windows = [
            try weekly(.monday, "08:00", "12:00"), try weekly(.saturday, "20:00", "24:00"),
            try weekly(.sunday, "00:00", "06:00"), try weekly(.sunday, "08:00", "12:00"),
        ]
        let result = paris.intervals(for: windows, from: try date("2026-10-19"), through: try date("2026-10-26"))
        #expect(
            result == [
                UTCInterval(start: try utc("2026-10-19", "06:00"), end: try utc("2026-10-19", "10:00")),
                UTCInterval(start: try utc("2026-10-24", "18:00"), end: try utc("2026-10-25", "05:00")),
                UTCInterval(start: try utc("2026-10-25", "07:00"), end: try utc("2026-10-25", "11:00")),
                UTCInterval(start: try utc("2026-10-26", "07:00"), end: try utc("2026-10-26", "11:00")),
            ])
    }

    @Test("Weekly windows over the spring-change week give the right UTC intervals, nights merged")
    func weeklySpring() throws {
        let windows = [
            try weekly(.sunday, "08:00", "12:00"), try weekly(.sunday, "00:00", "06:00"),
            try weekly(.saturday, "20:00", "24:00"), try weekly(.monday, "08:00", "12:00"),
        ]
        let result = paris.intervals(for: windows, from: try date("2027-03-22"), through: try date("2027-03-29"))
        #expect(
            result == [
                UTCInterval(start: try utc("2027-03-22", "07:00"), end: try utc("2027-03-22", "11:00")),
                UTCInterval(start: try utc("2027-03-27", "19:00"), end: try utc("2027-03-28", "04:00")),
                UTCInterval(start: try utc("2027-03-28", "06:00"), end: try utc("2027-03-28", "10:00")),
                UTCInterval(start: try utc("2027-03-29", "06:00"), end: try utc("2027-03-29", "10:00")),
            ])
    }

    @Test("Closed dates are skipped and overlapping windows on one day merge")
    func closedAndOverlapping() throws {
        let windows = [try weekly(.wednesday, "08:00", "12:00"), try weekly(.wednesday, "11:00", "14:00")]
        let first = try date("2026-11-04")
        let last = try date("2026-11-18")
        let result = paris.intervals(for: windows, from: first, through: last, excluding: [try date("2026-11-11")])
        #expect(
            result == [
                UTCInterval(start: try utc("2026-11-04", "07:00"), end: try utc("2026-11-04", "13:00")),
                UTCInterval(start: try utc("2026-11-18", "07:00"), end: try utc("2026-11-18", "13:00")),
            ])
        #expect(paris.intervals(for: windows, from: last, through: first).isEmpty)
    }

    @Test("localDate and localTime read back every quarter hour of both DST days")
    func roundTrip() throws {
        for day in [try date("2026-10-25"), try date("2027-03-28"), try date("2027-01-04")] {
            for minutes in stride(from: 0, to: 1440, by: 15) {
                let clock = LocalTime(minutesSinceMidnight: minutes)!
                let isInGap = day == (try date("2027-03-28")) && (120..<180).contains(minutes)
                if isInGap { continue }
                let instant = paris.instant(on: day, at: clock)
                #expect(paris.localDate(of: instant) == day)
                #expect(paris.localTime(of: instant) == clock)
            }
        }
    }

    @Test("The second 02:30 on 2026-10-25 reads as 02:30 on the winter offset")
    func secondOccurrence() throws {
        let second = try utc("2026-10-25", "01:30")
        #expect(paris.localDate(of: second) == (try date("2026-10-25")))
        #expect(paris.localTime(of: second) == (try time("02:30")))
        #expect(paris.utcOffsetMinutes(at: second) == 60)
        #expect(paris.utcOffsetMinutes(at: try utc("2026-10-25", "00:30")) == 120)
    }

    @Test("Instants before 1970 and mid-minute read back on the right day and minute")
    func negativeAndFractional() throws {
        let utcClock = try #require(WallClock(identifier: "UTC"))
        let justBefore = Date(timeIntervalSince1970: -0.5)
        #expect(utcClock.localDate(of: justBefore) == (try date("1969-12-31")))
        #expect(utcClock.localTime(of: justBefore) == (try time("23:59")))
        let midMinute = try utc("2027-01-04", "08:00").addingTimeInterval(59.9)
        #expect(paris.localTime(of: midMinute) == (try time("09:00")))
    }
}
