/// A set of ticks kept as sorted, disjoint, non-touching ``TickInterval`` pieces: the shape
/// every availability takes in the solver (a site's opening hours over the horizon, a specialist's
/// free time), so a feasibility question is one binary search over a flat array.
///
/// Touching pieces are merged (`[0, 60)` and `[60, 90)` become `[0, 90)`), so a consultation that
/// spans two adjacent windows counts as inside the set, and each set has exactly one form.
///
/// ```swift
/// let open = IntervalSet([TickInterval(start: 840, end: 1080), TickInterval(start: 480, end: 720)])
/// open.contains(TickInterval(start: 690, end: 720))                // true
/// open.firstFit(duration: 60, notBefore: 700, notAfterEnd: 1_000)  // 840
/// ```
public struct IntervalSet: Hashable, Sendable {
    /// Sorted by start; no two pieces overlap or touch; none is empty.
    public private(set) var pieces: [TickInterval]

    public static let empty = IntervalSet(normalizedPieces: [])

    /// Any intervals, in any order; empty ones are dropped, overlapping and touching ones merged.
    public init(_ intervals: some Sequence<TickInterval>) {
        var merged: [TickInterval] = []
        for interval in intervals.filter({ !$0.isEmpty }).sorted() {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        self.init(normalizedPieces: merged)
    }

    public init(_ interval: TickInterval) {
        self.init(normalizedPieces: interval.isEmpty ? [] : [interval])
    }

    /// Pieces already sorted, disjoint, non-touching and non-empty: the set operations build these.
    init(normalizedPieces: [TickInterval]) {
        self.pieces = normalizedPieces
    }

    public var isEmpty: Bool { pieces.isEmpty }

    /// Ticks in the set (a sum over the pieces).
    public var totalTicks: Int { pieces.reduce(0) { $0 + $1.duration } }

    // MARK: Queries (no allocation)

    /// True when `interval` lies inside a single piece. An empty interval is never contained, so
    /// a zero-tick consultation cannot slip in at a closing time.
    public func contains(_ interval: TickInterval) -> Bool {
        guard !interval.isEmpty else { return false }
        let index = firstPiece(endingAfter: interval.start)
        return index < pieces.count && pieces[index].contains(interval)
    }

    public func contains(tick: Int) -> Bool {
        let index = firstPiece(endingAfter: tick)
        return index < pieces.count && pieces[index].start <= tick
    }

    /// The piece holding `tick`, if any: how long a stretch of availability lasts from there.
    public func piece(containing tick: Int) -> TickInterval? {
        let index = firstPiece(endingAfter: tick)
        return index < pieces.count && pieces[index].start <= tick ? pieces[index] : nil
    }

    /// The earliest start `s ≥ notBefore` such that `[s, s + duration)` lies inside the set and
    /// `s + duration ≤ notAfterEnd`; nil when there is none or `duration` is not positive.
    public func firstFit(duration: Int, notBefore: Int = .min, notAfterEnd: Int = .max) -> Int? {
        guard duration > 0 else { return nil }
        var index = firstPiece(endingAfter: notBefore)
        while index < pieces.count {
            let start = max(pieces[index].start, notBefore)
            // Later pieces only start later, so once the limit is passed nothing can fit.
            if start > notAfterEnd - duration { return nil }
            if start + duration <= pieces[index].end { return start }
            index += 1
        }
        return nil
    }

    /// The latest start `s ≥ notBefore` such that `[s, s + duration)` lies inside the set and
    /// `s + duration ≤ notAfterEnd`; nil when there is none or `duration` is not positive.
    public func lastFit(duration: Int, notAfterEnd: Int, notBefore: Int = .min) -> Int? {
        guard duration > 0 else { return nil }
        // The first piece reaching `notAfterEnd`, or the last piece: no later one can hold the fit.
        var index = min(firstPiece(endingAfter: notAfterEnd - 1), pieces.count - 1)
        while index >= 0 {
            let start = min(pieces[index].end, notAfterEnd) - duration
            if start < notBefore { return nil }
            if start >= pieces[index].start { return start }
            index -= 1
        }
        return nil
    }

    /// Index of the first piece whose end is after `tick` (`pieces.count` when none), by binary
    /// search: it is the only piece that can hold `tick`, and the first that can start a fit.
    func firstPiece(endingAfter tick: Int) -> Int {
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].end <= tick { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Set algebra (linear merges of the two sorted lists)

    public func union(_ other: IntervalSet) -> IntervalSet {
        var merged: [TickInterval] = []
        merged.reserveCapacity(pieces.count + other.pieces.count)
        var i = 0
        var j = 0
        while i < pieces.count || j < other.pieces.count {
            let next: TickInterval
            if j == other.pieces.count || (i < pieces.count && pieces[i].start <= other.pieces[j].start) {
                next = pieces[i]
                i += 1
            } else {
                next = other.pieces[j]
                j += 1
            }
            if let last = merged.last, next.start <= last.end {
                merged[merged.count - 1].end = max(last.end, next.end)
            } else {
                merged.append(next)
            }
        }
        return IntervalSet(normalizedPieces: merged)
    }

    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var common: [TickInterval] = []
        var i = 0
        var j = 0
        while i < pieces.count && j < other.pieces.count {
            let start = max(pieces[i].start, other.pieces[j].start)
            let end = min(pieces[i].end, other.pieces[j].end)
            if start < end { common.append(TickInterval(start: start, end: end)) }
            if pieces[i].end < other.pieces[j].end { i += 1 } else { j += 1 }
        }
        return IntervalSet(normalizedPieces: common)
    }

    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        var remaining: [TickInterval] = []
        remaining.reserveCapacity(pieces.count)
        var j = 0
        for piece in pieces {
            var start = piece.start
            while j < other.pieces.count && other.pieces[j].end <= start { j += 1 }
            var k = j
            while k < other.pieces.count && other.pieces[k].start < piece.end {
                if other.pieces[k].start > start {
                    remaining.append(TickInterval(start: start, end: other.pieces[k].start))
                }
                start = max(start, other.pieces[k].end)
                k += 1
            }
            if start < piece.end { remaining.append(TickInterval(start: start, end: piece.end)) }
        }
        return IntervalSet(normalizedPieces: remaining)
    }
}

extension IntervalSet: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TickInterval...) {
        self.init(elements)
    }
}

extension IntervalSet: CustomStringConvertible {
    /// `{[480, 720), [840, 1080)}`.
    public var description: String { "{" + pieces.map(\.description).joined(separator: ", ") + "}" }
}
