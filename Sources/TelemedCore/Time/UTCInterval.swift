import Foundation

/// A half-open interval `[start, end)` of absolute time. Every instant the product stores is UTC;
/// local rules become `UTCInterval`s day by day through ``WallClock``.
public struct UTCInterval: Codable, Hashable, Comparable, Sendable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public var duration: TimeInterval { end.timeIntervalSince(start) }
    public var minutes: Int { Int((duration / 60).rounded()) }
    public var isEmpty: Bool { end <= start }

    public func overlaps(_ other: UTCInterval) -> Bool {
        start < other.end && other.start < end
    }

    public func contains(_ other: UTCInterval) -> Bool {
        start <= other.start && other.end <= end
    }

    public static func < (lhs: UTCInterval, rhs: UTCInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension Sequence<UTCInterval> {
    /// Sorted, with overlapping or touching intervals joined into one.
    public func merged() -> [UTCInterval] {
        var result: [UTCInterval] = []
        for interval in sorted() {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = Swift.max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
