import Foundation
import TelemedCore

/// The solver's clock: ticks since local midnight (`Europe/Paris`) of the horizon's first day,
/// counted on the UTC timeline, so tick arithmetic is real elapsed time even across the two DST
/// Sundays (with one tick a minute, the day of 2026-10-25 is 1500 ticks long, that of 2027-03-28
/// is 1380).
///
/// A tick is a minute unless the scenario declares a finer resolution (`ticksPerMinute`); every
/// value of the solver's model (interval bounds, durations, travel) counts ticks. Real scenarios
/// use whole minutes; Solomon's benchmarks use thousandths of a minute.
///
/// The start tick of every horizon day is computed once, so day lookups are array reads and
/// local times on ordinary days are one addition.
///
/// ```swift
/// let timeline = Timeline(horizon: scenario.horizon)
/// timeline.dayRange(try LocalDate("2027-01-05"))    // [1440, 2880)
/// timeline.tick(onDay: 1, at: try LocalTime("09:00"))  // 1980
/// ```
public struct Timeline: Hashable, Sendable {
    /// Local midnight of the horizon's first day, as a UTC instant: tick 0.
    public let origin: Date
    /// Local midnight after the horizon's last day, as a UTC instant.
    public let end: Date
    /// The horizon's days, in order; a day index is a position here.
    public let days: [LocalDate]
    /// Tick at which each horizon day starts, plus one last entry: `endTick`.
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

    /// Ticks in the horizon: every valid tick `t` satisfies `0 <= t < endTick`.
    public var endTick: Int { dayStarts[dayStarts.count - 1] }
    /// The whole horizon, `[0, endTick)`.
    public var range: TickInterval { TickInterval(start: 0, end: endTick) }
    public var dayCount: Int { days.count }

    // MARK: Ticks and instants

    /// Whole ticks from `origin` to `date`, rounding down (towards earlier), so a start time
    /// with seconds never moves later than it was; pass `.up` to round an end time outwards.
    /// Instants read back from a file carry binary floating-point noise (about 10⁻⁷ s today);
    /// it must not push an exact tick to its neighbour.
    public func tick(of date: Date, rounding rule: FloatingPointRoundingRule = .down) -> Int {
        let ticks = date.timeIntervalSince(origin) * Double(ticksPerMinute) / 60
        let nearest = ticks.rounded()
        return Int(abs(ticks - nearest) < 1e-3 ? nearest : ticks.rounded(rule))
    }

    public func date(ofTick tick: Int) -> Date {
        origin.addingTimeInterval(TimeInterval(tick) * 60 / TimeInterval(ticksPerMinute))
    }

    // MARK: Days

    /// Position of `date` in the horizon, or nil outside it.
    public func dayIndex(of date: LocalDate) -> Int? {
        let index = days.isEmpty ? -1 : days[0].days(to: date)
        return days.indices.contains(index) ? index : nil
    }

    /// The horizon day holding `tick`, or nil outside `[0, endTick)`.
    public func dayIndex(ofTick tick: Int) -> Int? {
        guard range.contains(tick: tick) else { return nil }
        var low = 0
        var high = days.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if dayStarts[middle] <= tick { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The day the clocks in Paris show at `tick`; works outside the horizon too.
    public func localDate(ofTick tick: Int) -> LocalDate {
        if let index = dayIndex(ofTick: tick) { return days[index] }
        return WallClock.paris.localDate(of: date(ofTick: tick))
    }

    /// Local midnight to the next local midnight of `date`, in ticks (also outside the horizon).
    public func dayRange(_ date: LocalDate) -> TickInterval {
        if let index = dayIndex(of: date) { return dayRange(ofDay: index) }
        let interval = WallClock.paris.dayInterval(date)
        return TickInterval(start: tick(of: interval.start), end: tick(of: interval.end))
    }

    public func dayRange(ofDay index: Int) -> TickInterval {
        TickInterval(start: dayStarts[index], end: dayStarts[index + 1])
    }

    /// The tick at which Paris clocks read `time` on horizon day `index`, with ``WallClock``'s
    /// rules for the DST gap and overlap; ordinary 24-hour days skip the time-zone lookup.
    public func tick(onDay index: Int, at time: LocalTime) -> Int {
        let day = dayRange(ofDay: index)
        if day.duration == ticksPerDay { return day.start + ticks(minutes: time.minutesSinceMidnight) }
        return tick(of: WallClock.paris.instant(on: days[index], at: time))
    }

    /// The local window `start..<end` on horizon day `index`; nil when empty or inside the DST gap.
    public func interval(onDay index: Int, from start: LocalTime, to end: LocalTime) -> TickInterval? {
        guard start < end else { return nil }
        let result = TickInterval(start: tick(onDay: index, at: start), end: tick(onDay: index, at: end))
        return result.isEmpty ? nil : result
    }

    private static func ticks(from origin: Date, to date: Date, _ ticksPerMinute: Int) -> Int {
        Int((date.timeIntervalSince(origin) * Double(ticksPerMinute) / 60).rounded(.down))
    }
}
