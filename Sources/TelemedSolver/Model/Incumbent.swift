import TelemedCore

/// The proposed bookings staff have seen (``SeenProposals``), compiled: per request, the place it
/// was shown, so the search can offer it first and the objective can charge a move
/// (`weights.proposalMoved`, docs/constraints.md "Objective": `stability`).
struct Incumbent: Sendable {
    enum Seen: Sendable, Hashable {
        case none
        case at(Placement)
        /// Shown at a time the timeline cannot express (between two ticks): any plan moves it.
        case offGrid
    }

    private(set) var seen: [Seen]
    let weight: Double
    /// Whether any request was seen and moving it costs anything: otherwise the term is 0.
    let isCharged: Bool

    init(scenario: Scenario, index: ScenarioIndex, timeline: Timeline) {
        weight = scenario.weights.proposalMoved
        seen = Array(repeating: .none, count: scenario.requests.count)
        for booking in SeenProposals(scenario).bookings {
            guard let request = index.requests[booking.requestId] else { continue }
            let placement = SchedulingProblem.placement(of: booking, index: index, timeline: timeline)
            let exact = timeline.date(ofTick: placement.start) == booking.start
            seen[request] = exact ? .at(placement) : .offGrid
        }
        isCharged = weight > 0 && seen.contains { $0 != .none }
    }

    /// The same with one more request, never seen (``SchedulingProblem/appending(_:notBefore:)``).
    func appending() -> Incumbent {
        var copy = self
        copy.seen.append(.none)
        return copy
    }

    /// Where `request` was shown, when a plan can keep it there.
    func place(of request: Int) -> Placement? {
        if case .at(let placement) = seen[request] { placement } else { nil }
    }

    /// Whether `placement` (nil: not booked) keeps the place staff saw: same specialist, start and
    /// host, as ``SeenProposals/keeps(_:placeOf:)`` reads the plan.
    func keeps(_ request: Int, _ placement: Placement?) -> Bool {
        switch seen[request] {
        case .none: true
        case .offGrid: false
        case .at(let shown):
            placement.map { $0.specialist == shown.specialist && $0.start == shown.start && $0.unit == shown.unit }
                ?? false
        }
    }

    /// What `placement` of `request` costs in the stability term.
    func cost(_ request: Int, _ placement: Placement?) -> Double {
        isCharged && !keeps(request, placement) ? weight : 0
    }

    /// What re-timing floating bookings (request → new start) adds to the term.
    func retimingCost(_ retimed: [Int: Int], placements: [Placement?]) -> Double {
        guard isCharged else { return 0 }
        return retimed.reduce(0) { total, entry in
            guard var placement = placements[entry.key] else { return total }
            let before = cost(entry.key, placement)
            placement.end += entry.value - placement.start
            placement.start = entry.value
            return total + cost(entry.key, placement) - before
        }
    }
}
