/// The proposed bookings staff have already seen: a scenario's `proposed` bookings (in the server,
/// the stored ones; on the command line, an incumbent plan's). Moving one annoys the staff who were
/// shown the slot, so the objective's `stability` term charges each one a plan moves: another
/// specialist, start or host, or no longer booked.
///
/// ```swift
/// let stability = SeenProposals(scenario).stability(of: plan)
/// print("\(stability.kept) kept, \(stability.moved) moved")
/// ```
public struct SeenProposals: Sendable {
    /// Seen booking per request, in request id order.
    public let bookings: [Booking]

    public init(_ scenario: Scenario) {
        let requests = Set(scenario.requests.map(\.id))
        bookings = scenario.bookings.filter { $0.status == .proposed && requests.contains($0.requestId) }
            .sorted { $0.requestId < $1.requestId }
    }

    /// Whether `now`, the request's booking in a plan, keeps the place staff saw in `seen`.
    public static func keeps(_ now: Booking, placeOf seen: Booking) -> Bool {
        now.specialistId == seen.specialistId && now.start == seen.start && now.host == seen.host
    }

    /// How many seen bookings `plan` keeps and moves (each request's booking that occupies resources).
    public func stability(of plan: Plan) -> Stability {
        let current = plan.bookings.servingByRequest
        let kept = bookings.filter { seen in current[seen.requestId].map { Self.keeps($0, placeOf: seen) } ?? false }
        return Stability(seen: bookings.count, kept: kept.count)
    }
}

/// The stability figures of a plan against the proposals staff had seen.
public struct Stability: Codable, Hashable, Sendable {
    public var seen: Int
    public var kept: Int
    /// Moved to another specialist, start or host, or no longer booked.
    public var moved: Int { seen - kept }

    public init(seen: Int, kept: Int) {
        self.seen = seen
        self.kept = kept
    }

    private enum CodingKeys: String, CodingKey { case seen, kept, moved }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(seen: try c.decode(Int.self, forKey: .seen), kept: try c.decode(Int.self, forKey: .kept))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seen, forKey: .seen)
        try c.encode(kept, forKey: .kept)
        try c.encode(moved, forKey: .moved)
    }
}

extension Scenario {
    /// This scenario with `plan`'s proposed bookings as the ones staff have seen, in place of its
    /// own: `telemed solve --incumbent`. Bookings of requests the scenario no longer has, or that
    /// a pinned booking already places, are left out.
    public func seeing(_ plan: Plan) -> Scenario {
        var scenario = self
        let requests = Set(requests.map(\.id))
        let pinned = Set(bookings.filter(\.status.isPinned).map(\.requestId))
        scenario.bookings.removeAll { $0.status == .proposed }
        let ids = Set(scenario.bookings.map(\.id))
        scenario.bookings += plan.bookings.filter {
            $0.status == .proposed && requests.contains($0.requestId) && !pinned.contains($0.requestId)
                && !ids.contains($0.id)
        }
        return scenario
    }
}
