import Foundation

/// Converts the local wall-clock rules of one IANA time zone (opening hours, shifts, weekly
/// availability) into UTC instants, one calendar day at a time, so both DST Sundays come out right.
///
/// Built on `TimeZone.secondsFromGMT(for:)` only: no `Calendar`, no locale, no process time zone,
/// so the result is the same on every machine that has the same tz database.
///
/// ```swift
/// let paris = WallClock.paris
/// paris.instant(on: try LocalDate("2026-10-25"), at: try LocalTime("08:00"))  // 07:00Z
/// paris.dayInterval(try LocalDate("2026-10-25")).minutes                      // 1500 (25 h)
/// ```
public struct WallClock: Sendable {
    private let zone: TimeZone

    /// `Europe/Paris`, the zone every rule in the product is written in.
    public static let paris = WallClock(identifier: "Europe/Paris")!

    /// Returns nil when the identifier is not a known time zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// The IANA identifier, e.g. `Europe/Paris`.
    public var identifier: String { zone.identifier }

    /// The UTC instant at which clocks in this zone read `time` on `date`.
    ///
    /// - `24:00` is the next day's `00:00`, so a window ending at midnight ends on the next day.
    /// - A time that does not exist because clocks spring forward (2027-03-28 02:30 in Paris) maps
    ///   to the instant the clocks jump to (03:00 local, 01:00Z): a window starting in the gap
    ///   starts when the gap ends, and a window ending in it ends there too.
    /// - A time that occurs twice because clocks fall back (2026-10-25 02:30 in Paris) maps to its
    ///   first occurrence (summer offset, 00:30Z), so conversion never moves backwards in time.
    public func instant(on date: LocalDate, at time: LocalTime) -> Date {
        let wall = date.daysSinceEpoch * 86_400 + time.minutesSinceMidnight * 60
        // Offsets in force around this wall time; transitions are far more than a day apart.
        let offsets = Set([-86_400, 0, 86_400].map { offsetSeconds(at: wall + $0) })
        let candidates = offsets.map { wall - $0 }
        if let first = candidates.filter({ offsetSeconds(at: $0) == wall - $0 }).min() {
            return Date(timeIntervalSince1970: TimeInterval(first))
        }
        // Gap: find the transition between the earliest and latest candidate.
        var low = candidates.min()!
        var high = candidates.max()!
        let before = offsetSeconds(at: low)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offsetSeconds(at: middle) == before { low = middle } else { high = middle }
        }
        return Date(timeIntervalSince1970: TimeInterval(high))
    }

    /// The local calendar date at `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: Self.floorDivide(localSeconds(of: instant), 86_400))
    }

    /// The local time of day at `instant`, truncated to the minute (never `24:00`).
    public func localTime(of instant: Date) -> LocalTime {
        let seconds = localSeconds(of: instant) - Self.floorDivide(localSeconds(of: instant), 86_400) * 86_400
        return LocalTime(minutesSinceMidnight: seconds / 60)!
    }

    /// Minutes to add to UTC to get local time at `instant` (+60 in Paris winter, +120 in summer).
    public func utcOffsetMinutes(at instant: Date) -> Int {
        zone.secondsFromGMT(for: instant) / 60
    }

    /// The UTC interval of the local window `start..<end` on `date`; nil when `end <= start`, or
    /// when the whole window falls inside a spring-forward gap and so never happens.
    public func interval(on date: LocalDate, from start: LocalTime, to end: LocalTime) -> UTCInterval? {
        guard start < end else { return nil }
        let result = UTCInterval(start: instant(on: date, at: start), end: instant(on: date, at: end))
        return result.isEmpty ? nil : result
    }

    /// The UTC intervals of weekly windows on each date from `first` through `last`, each window
    /// on its own weekday, skipping `closed` dates (public holidays, closures).
    ///
    /// Sorted; overlapping or touching intervals are merged, so a `20:00–24:00` window followed by
    /// a `00:00–06:00` one the next day becomes one night.
    public func intervals(
        for windows: [WeeklyWindow], from first: LocalDate, through last: LocalDate,
        excluding closed: Set<LocalDate> = []
    ) -> [UTCInterval] {
        var raw: [UTCInterval] = []
        for date in first.through(last) where !closed.contains(date) {
            let weekday = date.weekday
            for window in windows where window.day == weekday {
                if let interval = interval(on: date, from: window.start, to: window.end) {
                    raw.append(interval)
                }
            }
        }
        return raw.merged()
    }

    /// Local midnight to the next local midnight: 24 h most days, 25 h on the autumn change
    /// (2026-10-25 in Paris) and 23 h on the spring one (2027-03-28).
    public func dayInterval(_ date: LocalDate) -> UTCInterval {
        UTCInterval(start: instant(on: date, at: .midnight), end: instant(on: date, at: .endOfDay))
    }

    private func offsetSeconds(at secondsSinceEpoch: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)))
    }

    /// Local seconds since 1970-01-01T00:00 local, truncating fractions of a second.
    private func localSeconds(of instant: Date) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return utc + offsetSeconds(at: utc)
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
