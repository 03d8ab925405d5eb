import Foundation
import TelemedCore

/// The solver's clock: whole minutes since local midnight (`Europe/Paris`) of the horizon's first
/// day, counted on the UTC timeline, so minute arithmetic is real elapsed time even across the two
/// DST Sundays (the day of 2026-10-25 is 1500 minutes long, that of 2027-03-28 is 1380).
///
/// A scenario may declare a finer resolution (`ticksPerMinute`): the clock then counts ticks,
/// and every "minute" of the solver's model (interval bounds, durations, travel) is a tick. Real
/// scenarios use whole minutes; Solomon's benchmarks use thousandths of a minute.
///
/// The start minute of every horizon day is computed once, so day lookups are array reads and
/// local times on ordinary days are one addition.
///
/// ```swift
/// let timeline = Timeline(horizon: scenario.horizon)
/// timeline.dayRange(try LocalDate("2027-01-05"))    // [1440, 2880)
/// timeline.minute(onDay: 1, at: try LocalTime("09:00"))  // 1980
/// ```
public struct Timeline: Hashable, Sendable {
    /// Local midnight of the horizon's first day, as a UTC instant: minute 0.
    public let origin: Date
    /// Local midnight after the horizon's last day, as a UTC instant.
    public let end: Date
    /// The horizon's days, in order; a day index is a position here.
    public let days: [LocalDate]
    /// Minute at which each horizon day starts, plus one last entry: `endMinute`.
    public let dayStarts: [Int]
    /// Ticks per minute: 1 unless the scenario declares a finer resolution.
    public let ticksPerMinute: Int

    public init(horizon: Horizon, ticksPerMinute: Int = 1) {
        self.ticksPerMinute = ticksPerMinute
        let clock = WallClock.paris
        let days = horizon.days
        let origin = clock.instant(on: horizon.start, at: .midnight)
        self.origin = origin
        self.end = clock.instant(on: horizon.end, at: .endOfDay)
        self.days = days
        self.dayStarts =
            days.map { Self.ticks(from: origin, to: clock.instant(on: $0, at: .midnight), ticksPerMinute) }
            + [Self.ticks(from: origin, to: end, ticksPerMinute)]
    }

    /// Ticks in a 24-hour day.
    public var ticksPerDay: Int { 1440 * ticksPerMinute }

    /// A whole number of minutes (a duration, a set-up, a driving limit) in ticks.
    public func ticks(minutes: Int) -> Int { minutes * ticksPerMinute }

    /// Ticks back to (real) minutes.
    public func minutes(ticks: Int) -> Double { Double(ticks) / Double(ticksPerMinute) }

    /// Minutes in the horizon: every valid minute `m` satisfies `0 <= m < endMinute`.
    public var endMinute: Int { dayStarts[dayStarts.count - 1] }
    /// The whole horizon, `[0, endMinute)`.
    public var range: MinuteInterval { MinuteInterval(start: 0, end: endMinute) }
    public var dayCount: Int { days.count }

    // MARK: Minutes and instants

    /// Whole minutes from `origin` to `date`, rounding down (towards earlier), so a start time
    /// with seconds never moves later than it was; pass `.up` to round an end time outwards.
    /// Instants read back from a file carry binary floating-point noise (about 10⁻⁷ s today);
    /// it must not push an exact tick to its neighbour.
    public func minute(of date: Date, rounding rule: FloatingPointRoundingRule = .down) -> Int {
        let ticks = date.timeIntervalSince(origin) * Double(ticksPerMinute) / 60
        let nearest = ticks.rounded()
        return Int(abs(ticks - nearest) < 1e-3 ? nearest : ticks.rounded(rule))
    }

    public func date(ofMinute minute: Int) -> Date {
        origin.addingTimeInterval(TimeInterval(minute) * 60 / TimeInterval(ticksPerMinute))
    }

    // MARK: Days

    /// Position of `date` in the horizon, or nil outside it.
    public func dayIndex(of date: LocalDate) -> Int? {
        let index = days.isEmpty ? -1 : days[0].days(to: date)
        return days.indices.contains(index) ? index : nil
    }

    /// The horizon day holding `minute`, or nil outside `[0, endMinute)`.
    public func dayIndex(ofMinute minute: Int) -> Int? {
        guard range.contains(minute: minute) else { return nil }
        var low = 0
        var high = days.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if dayStarts[middle] <= minute { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The day the clocks in Paris show at `minute`; works outside the horizon too.
    public func localDate(ofMinute minute: Int) -> LocalDate {
        if let index = dayIndex(ofMinute: minute) { return days[index] }
        return WallClock.paris.localDate(of: date(ofMinute: minute))
    }

    /// Local midnight to the next local midnight of `date`, in minutes (also outside the horizon).
    public func dayRange(_ date: LocalDate) -> MinuteInterval {
        if let index = dayIndex(of: date) { return dayRange(ofDay: index) }
        let interval = WallClock.paris.dayInterval(date)
        return MinuteInterval(start: minute(of: interval.start), end: minute(of: interval.end))
    }

    public func dayRange(ofDay index: Int) -> MinuteInterval {
        MinuteInterval(start: dayStarts[index], end: dayStarts[index + 1])
    }

    /// The minute at which Paris clocks read `time` on horizon day `index`, with ``WallClock``'s
    /// rules for the DST gap and overlap; ordinary 24-hour days skip the time-zone lookup.
    public func minute(onDay index: Int, at time: LocalTime) -> Int {
        let day = dayRange(ofDay: index)
        if day.duration == ticksPerDay { return day.start + ticks(minutes: time.minutesSinceMidnight) }
        return minute(of: WallClock.paris.instant(on: days[index], at: time))
    }

    /// The local window `start..<end` on horizon day `index`; nil when empty or inside the DST gap.
    public func interval(onDay index: Int, from start: LocalTime, to end: LocalTime) -> MinuteInterval? {
        guard start < end else { return nil }
        let result = MinuteInterval(start: minute(onDay: index, at: start), end: minute(onDay: index, at: end))
        return result.isEmpty ? nil : result
    }

    private static func ticks(from origin: Date, to date: Date, _ ticksPerMinute: Int) -> Int {
        Int((date.timeIntervalSince(origin) * Double(ticksPerMinute) / 60).rounded(.down))
    }
}
