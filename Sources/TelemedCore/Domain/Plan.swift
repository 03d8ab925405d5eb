/// What the solver returns: bookings, unit routes (visits and unit days), the requests it could
/// not place (each with the constraint that blocked it) and the score. `docs/constraints.md` says
/// what makes a plan valid.
public struct Plan: Codable, Hashable, Sendable {
    public var bookings: [Booking]
    public var visits: [Visit]
    public var unitDays: [UnitDay]
    public var unassigned: [UnassignedRequest]
    public var score: PlanScore

    public init(
        bookings: [Booking], visits: [Visit], unitDays: [UnitDay] = [], unassigned: [UnassignedRequest],
        score: PlanScore
    ) {
        self.bookings = bookings
        self.visits = visits
        self.unitDays = unitDays
        self.unassigned = unassigned
        self.score = score
    }
}

/// A request left out of a plan and why, in the words of the blocking constraint.
public struct UnassignedRequest: Codable, Hashable, Sendable {
    public var requestId: ConsultationRequest.ID
    /// The blocking rule, as in the checker (`specialtyMatch`, `equipmentAvailable`…).
    public var constraint: ConstraintName
    public var reason: String

    public init(requestId: ConsultationRequest.ID, constraint: ConstraintName, reason: String) {
        self.requestId = requestId
        self.constraint = constraint
        self.reason = reason
    }
}

/// Lexicographic score: `hard` (violations, always 0 in a returned plan), then `served`
/// (urgency-weighted, higher is better), then `soft` (weighted penalties, lower is better).
public struct PlanScore: Codable, Hashable, Comparable, Sendable {
    public var hard: Int
    public var served: Int
    public var soft: Double

    public init(hard: Int, served: Int, soft: Double) {
        self.hard = hard
        self.served = served
        self.soft = soft
    }

    /// `a < b` when `a` is the better plan.
    public static func < (lhs: PlanScore, rhs: PlanScore) -> Bool {
        if lhs.hard != rhs.hard { return lhs.hard < rhs.hard }
        if lhs.served != rhs.served { return lhs.served > rhs.served }
        return lhs.soft < rhs.soft
    }
}
