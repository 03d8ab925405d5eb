import TelemedCore

/// `seriesSpacing`: occurrence k+1 of a care series is booked only when occurrence k is, and the
/// local date of its start is `minGapDays`…`maxGapDays` after occurrence k's. Enforced where
/// options are made and where requests leave the solution:
/// - ``days(of:in:)`` bounds every option of an occurrence (site, unit and incumbent ones) to the
///   days its predecessor's current placement allows, and gives none while it is unplaced;
/// - ``SolutionState/remove(_:)`` takes the later booked occurrences out with an occurrence
///   (``followers(of:in:)``), so no removal path (ruins, evictions, relaxations) leaves a
///   successor without its anchor; an occurrence that anchors a pinned one stays
///   (``mayRemove(_:in:)``);
/// - regret insertion re-evaluates occurrence k+1 when k is placed (``successor(of:)``).
enum SeriesSpacing: SolverRule {
    static let name = ConstraintName.seriesSpacing

    /// One occurrence's neighbours in its series (request indices) and the allowed gap in days.
    struct Link: Sendable, Hashable {
        var previous: Int?
        var next: Int?
        var gapDays: ClosedRange<Int>
    }

    /// The links of expanded series occurrences, by request position; nil for other requests.
    /// Occurrences are ordered by index; a series missing one (refused by validation) links around it.
    static func links(of requests: [ConsultationRequest]) -> [Link?] {
        var links = [Link?](repeating: nil, count: requests.count)
        var members: [CareSeries.ID: [(index: Int, position: Int)]] = [:]
        for (position, request) in requests.enumerated() {
            guard let series = request.series, let id = series.id, let index = series.index else { continue }
            members[id, default: []].append((index, position))
        }
        for occurrences in members.values {
            let ordered = occurrences.sorted { ($0.index, $0.position) < ($1.index, $1.position) }.map(\.position)
            for (rank, position) in ordered.enumerated() {
                links[position] = Link(
                    previous: rank > 0 ? ordered[rank - 1] : nil,
                    next: rank + 1 < ordered.count ? ordered[rank + 1] : nil,
                    gapDays: requests[position].series!.gapDays)
            }
        }
        return links
    }

    /// The horizon days (indices) `request` may start on given its predecessor's placement: all of
    /// them for a request without predecessor; nil while the predecessor is unplaced (no option).
    static func days(of request: Int, in state: SolutionState) -> ClosedRange<Int>? {
        let all = 0...(state.problem.timeline.dayCount - 1)
        guard let link = state.problem.requests[request].series, let previous = link.previous else { return all }
        guard let anchor = state.placements[previous] else { return nil }
        let low = anchor.day + link.gapDays.lowerBound
        let high = anchor.day + link.gapDays.upperBound
        return low <= high ? low...high : nil
    }

    /// The tick window of ``days(of:in:)`` intersected with `window`; empty when no day is left.
    static func window(_ window: TickInterval, days: ClosedRange<Int>, timeline: Timeline) -> TickInterval {
        let first = max(0, days.lowerBound)
        let last = min(timeline.dayCount - 1, days.upperBound)
        guard first <= last else { return TickInterval(start: window.start, end: window.start) }
        let start = max(window.start, timeline.dayStarts[first])
        return TickInterval(start: start, end: max(start, min(window.end, timeline.dayStarts[last + 1])))
    }

    /// The later occurrences placed after `request` in its series, in order: what must leave the
    /// solution with it.
    static func followers(of request: Int, in state: SolutionState) -> [Int] {
        var chain: [Int] = []
        var current = state.problem.requests[request].series?.next
        while let next = current, !RequestOnce.isUnplaced(next, in: state) {
            chain.append(next)
            current = state.problem.requests[next].series?.next
        }
        return chain
    }

    /// Whether the search may take `request` out: not when a later occurrence that stays
    /// (pinned) is anchored on it.
    static func mayRemove(_ request: Int, in state: SolutionState) -> Bool {
        followers(of: request, in: state).allSatisfy { PinnedUnchanged.mayMove($0, in: state) }
    }

    /// The earlier occurrences of `request`'s series, first one first.
    static func predecessors(of request: Int, in problem: SchedulingProblem) -> [Int] {
        var chain: [Int] = []
        var current = problem.requests[request].series?.previous
        while let previous = current {
            chain.insert(previous, at: 0)
            current = problem.requests[previous].series?.previous
        }
        return chain
    }

    /// The next occurrence of `request`'s series, whose options depend on where `request` is.
    static func successor(of request: Int, in problem: SchedulingProblem) -> Int? {
        problem.requests[request].series?.next
    }

    /// The previous occurrence, when it is placed: whose specialist continuity of care follows.
    static func placedPredecessor(of request: Int, in state: SolutionState) -> Placement? {
        state.problem.requests[request].series?.previous.flatMap { state.placements[$0] }
    }
}
