/// Intervals already taken on one resource (a specialist, a patient, a site's rooms), sorted by
/// start, each tagged with the request that holds it.
struct BusyList: Sendable {
    struct Entry: Sendable, Hashable {
        var interval: TickInterval
        var owner: Int
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func insert(_ interval: TickInterval, owner: Int) {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].interval < interval { low = mid + 1 } else { high = mid }
        }
        entries.insert(Entry(interval: interval, owner: owner), at: low)
    }

    mutating func remove(owner: Int) {
        entries.removeAll { $0.owner == owner }
    }

    /// Index of the first entry that could overlap a window starting at `tick` (entries are
    /// sorted by start; intervals on one capacity-1 resource do not overlap, so ends are sorted too).
    private func firstCandidate(from tick: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].interval.end <= tick { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The earliest `t ≥ from` at which `[t, t + duration)` overlaps no entry.
    func nextFree(from: Int, duration: Int) -> Int {
        var t = from
        var index = firstCandidate(from: t)
        while index < entries.count, entries[index].interval.start < t + duration {
            t = max(t, entries[index].interval.end)
            index += 1
        }
        return t
    }

    /// The earliest `t ≥ from` at which fewer than `capacity` entries overlap any tick of
    /// `[t, t + duration)`. With capacity 1 this is ``nextFree(from:duration:)``.
    func nextFree(from: Int, duration: Int, capacity: Int) -> Int {
        guard capacity > 1 else { return nextFreeUnsorted(from: from, duration: duration) }
        var t = from
        while true {
            let window = TickInterval(start: t, end: t + duration)
            let overlapping = entries.filter { $0.interval.overlaps(window) }.map(\.interval)
            if Self.peakConcurrency(of: overlapping) < capacity { return t }
            // Concurrency can only fall once one of the overlapping bookings ends.
            t = overlapping.map(\.end).filter { $0 > t }.min() ?? t + duration
        }
    }

    /// Rooms may hold overlapping entries, so ends are not sorted: scan linearly (lists are short).
    private func nextFreeUnsorted(from: Int, duration: Int) -> Int {
        var t = from
        var moved = true
        while moved {
            moved = false
            for entry in entries where entry.interval.start < t + duration && t < entry.interval.end {
                t = entry.interval.end
                moved = true
            }
        }
        return t
    }

    func overlaps(_ interval: TickInterval) -> Bool {
        entries.contains { $0.interval.overlaps(interval) }
    }

    static func peakConcurrency(of intervals: [TickInterval]) -> Int {
        let events = intervals.flatMap { [($0.start, 1), ($0.end, -1)] }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var current = 0
        var peak = 0
        for (_, delta) in events {
            current += delta
            peak = max(peak, current)
        }
        return peak
    }
}
