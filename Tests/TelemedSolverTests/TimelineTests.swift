import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The two DST Sundays around the first planning season: 2026-10-25 (clocks back, 25 h) and
/// 2027-03-28 (clocks forward, 23 h). Expected minutes are worked out by hand from UTC offsets.
@Suite("Timeline counts real minutes from local midnight of the first day")
struct TimelineTests {
    typealias F = Fixtures

    let autumn = Timeline(horizon: Horizon(start: F.date("2026-10-24"), end: F.date("2026-10-26")))
    let spring = Timeline(horizon: Horizon(start: F.date("2027-03-27"), end: F.date("2027-03-29")))

    @Test("the origin is local midnight of the first day and the end local midnight after the last")
    func originAndEnd() {
        #expect(autumn.origin == F.utc("2026-10-23", "22:00"))  // CEST, UTC+2
        #expect(autumn.end == F.utc("2026-10-26", "23:00"))  // CET, UTC+1
        #expect(autumn.endTick == 1440 + 1500 + 1440)
        #expect(spring.origin == F.utc("2027-03-26", "23:00"))
        #expect(spring.endTick == 1440 + 1380 + 1440)
        #expect(autumn.dayCount == 3)
    }

    @Test("the autumn change day is 1500 minutes long and the spring one 1380")
    func dstDayLengths() {
        #expect(autumn.dayRange(F.date("2026-10-25")) == TickInterval(1440, 2940))
        #expect(spring.dayRange(F.date("2027-03-28")) == TickInterval(1440, 2820))
        #expect(spring.dayRange(F.date("2027-03-29")) == TickInterval(2820, 4260))
    }

    @Test("a day outside the horizon still gets its real length")
    func dayRangeOutsideHorizon() {
        let january = Timeline(horizon: Horizon(start: F.date("2027-01-04"), end: F.date("2027-01-10")))
        #expect(january.dayRange(F.date("2027-03-28")).duration == 1380)
        #expect(january.dayRange(F.date("2027-01-03")) == TickInterval(-1440, 0))
    }

    @Test("minutes round down, also before the origin, and convert back to the same instant")
    func minuteOfDate() {
        let nineLocal = F.utc("2026-10-25", "08:00")  // 09:00 CET, 34 h after the origin
        #expect(autumn.tick(of: nineLocal) == 2040)
        #expect(autumn.tick(of: nineLocal.addingTimeInterval(59)) == 2040)
        #expect(autumn.tick(of: nineLocal.addingTimeInterval(59), rounding: .up) == 2041)
        #expect(autumn.tick(of: autumn.origin.addingTimeInterval(-1)) == -1)
        #expect(autumn.date(ofTick: 2040) == nineLocal)
        #expect(autumn.date(ofTick: -60) == F.utc("2026-10-23", "21:00"))
    }

    @Test("local times on DST days follow WallClock: the repeated hour once, the skipped hour at its end")
    func localTimesOnDSTDays() {
        // 2026-10-25 02:30 happens twice; the first time is 00:30Z, 26.5 h after the origin.
        #expect(autumn.tick(onDay: 1, at: F.time("02:30")) == 1590)
        // 08:00 CET is 07:00Z: 33 h after the origin, 540 minutes into a 1500-minute day.
        #expect(autumn.tick(onDay: 1, at: F.time("08:00")) == 1980)
        // 2027-03-28 02:30 does not exist; it maps to 03:00 CEST = 01:00Z, 26 h after the origin.
        #expect(spring.tick(onDay: 1, at: F.time("02:30")) == 1560)
        #expect(spring.tick(onDay: 1, at: F.time("08:00")) == 1440 + 420)
        #expect(spring.interval(onDay: 1, from: F.time("02:00"), to: F.time("03:00")) == nil)
        #expect(spring.interval(onDay: 1, from: F.time("20:00"), to: F.time("24:00")) == TickInterval(2580, 2820))
    }

    @Test("the ordinary-day shortcut agrees with WallClock on every day of a year")
    func shortcutMatchesWallClock() {
        let year = Timeline(horizon: Horizon(start: F.date("2026-07-01"), end: F.date("2027-06-30")))
        let times = ["00:00", "01:59", "02:00", "02:30", "03:00", "08:15", "23:59", "24:00"].map(F.time)
        for day in year.days.indices {
            for time in times {
                let expected = year.tick(of: WallClock.paris.instant(on: year.days[day], at: time))
                #expect(year.tick(onDay: day, at: time) == expected, "\(year.days[day]) \(time)")
            }
        }
    }

    @Test("minutes map back to their local day, with day boundaries at local midnight")
    func localDateOfMinute() {
        #expect(autumn.localDate(ofTick: 0) == F.date("2026-10-24"))
        #expect(autumn.localDate(ofTick: 2939) == F.date("2026-10-25"))
        #expect(autumn.localDate(ofTick: 2940) == F.date("2026-10-26"))
        #expect(autumn.localDate(ofTick: -1) == F.date("2026-10-23"))
        #expect(autumn.localDate(ofTick: autumn.endTick) == F.date("2026-10-27"))
        #expect(spring.dayIndex(ofTick: 2819) == 1)
        #expect(spring.dayIndex(ofTick: 2820) == 2)
        #expect(spring.dayIndex(ofTick: spring.endTick) == nil)
        #expect(spring.dayIndex(of: F.date("2027-03-29")) == 2)
        #expect(spring.dayIndex(of: F.date("2027-03-30")) == nil)
    }
}
