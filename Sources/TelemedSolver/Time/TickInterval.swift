/// A half-open interval `[start, end)` of ticks on a ``Timeline`` (whole minutes unless the
/// scenario declares a finer resolution): the solver's unit of time, so comparing two instants is
/// an integer comparison instead of date arithmetic.
///
/// ```swift
/// let morning = TickInterval(start: 480, end: 720)  // 08:00–12:00 on the first day in winter, one tick a minute
/// morning.duration                                  // 240
/// ```
public struct TickInterval: Hashable, Comparable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Ticks covered; zero or negative when empty.
    public var duration: Int { end - start }
    public var isEmpty: Bool { end <= start }

    /// True when the two share at least one tick.
    public func overlaps(_ other: TickInterval) -> Bool {
        start < other.end && other.start < end
    }

    /// True when `other` lies entirely inside `self`.
    public func contains(_ other: TickInterval) -> Bool {
        start <= other.start && other.end <= end
    }

    public func contains(tick: Int) -> Bool {
        start <= tick && tick < end
    }

    /// The common part, or nil when they share no tick.
    public func clamped(to other: TickInterval) -> TickInterval? {
        let result = TickInterval(start: max(start, other.start), end: min(end, other.end))
        return result.isEmpty ? nil : result
    }

    public static func < (lhs: TickInterval, rhs: TickInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension TickInterval: CustomStringConvertible {
    /// `[480, 720)`.
    public var description: String { "[\(start), \(end))" }
}
