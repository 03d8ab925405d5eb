/// A half-open interval `[start, end)` of whole minutes on a ``Timeline``: the solver's unit of
/// time, so comparing two instants is an integer comparison instead of date arithmetic.
///
/// ```swift
/// let morning = MinuteInterval(start: 480, end: 720)  // 08:00–12:00 on the timeline's first day in winter
/// morning.duration                                    // 240
/// ```
public struct MinuteInterval: Hashable, Comparable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Minutes covered; zero or negative when empty.
    public var duration: Int { end - start }
    public var isEmpty: Bool { end <= start }

    /// True when the two share at least one minute.
    public func overlaps(_ other: MinuteInterval) -> Bool {
        start < other.end && other.start < end
    }

    /// True when `other` lies entirely inside `self`.
    public func contains(_ other: MinuteInterval) -> Bool {
        start <= other.start && other.end <= end
    }

    public func contains(minute: Int) -> Bool {
        start <= minute && minute < end
    }

    /// The common part, or nil when they share no minute.
    public func clamped(to other: MinuteInterval) -> MinuteInterval? {
        let result = MinuteInterval(start: max(start, other.start), end: min(end, other.end))
        return result.isEmpty ? nil : result
    }

    public static func < (lhs: MinuteInterval, rhs: MinuteInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension MinuteInterval: CustomStringConvertible {
    /// `[480, 720)`.
    public var description: String { "[\(start), \(end))" }
}
