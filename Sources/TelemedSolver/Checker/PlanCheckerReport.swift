import TelemedCore

/// What ``PlanChecker`` found: every violation of a hard rule, and the score recomputed from the
/// scenario and the plan alone (never copied from `plan.score`).
///
/// ```swift
/// let report = try PlanChecker(scenario: scenario).check(plan)
/// if !report.isValid { report.violations.forEach { print($0) } }
/// ```
public struct PlanCheckReport: Codable, Hashable, Sendable {
    /// Sorted by contract order of the constraint, then date, unit, booking, request, message.
    public var violations: [PlanViolation]
    /// `hard` = number of violations, `served` and `soft` recomputed.
    public var score: PlanScore
    public var softTerms: SoftTerms

    public init(violations: [PlanViolation], served: Int, softTerms: SoftTerms) {
        self.violations = violations.sorted(by: PlanViolation.isOrderedBefore)
        self.score = PlanScore(hard: violations.count, served: served, soft: softTerms.total)
        self.softTerms = softTerms
    }

    /// True when the plan breaks no hard rule.
    public var isValid: Bool { violations.isEmpty }

    /// The constraints broken at least once.
    public var violatedConstraints: Set<ConstraintName> { Set(violations.map(\.constraint)) }

    public func violations(of constraint: ConstraintName) -> [PlanViolation] {
        violations.filter { $0.constraint == constraint }
    }

    /// True when a claimed score (the solver's `plan.score`) matches the recomputed one: `hard` and
    /// `served` exactly, `soft` within `softTolerance`.
    public func agrees(with claimed: PlanScore, softTolerance: Double = 1e-6) -> Bool {
        claimed.hard == score.hard && claimed.served == score.served
            && abs(claimed.soft - score.soft) <= softTolerance
    }
}

/// The weighted soft terms of the objective (`docs/constraints.md`, "Objective"); lower is better.
public struct SoftTerms: Codable, Hashable, Sendable {
    public var lateness: Double
    public var travel: Double
    public var continuity: Double
    public var territorialFairness: Double
    /// Σ over zone kinds given a weight of weight × spread of the shares served within delay.
    public var zoneFairness: Double
    /// `weights.proposalMoved` × proposed bookings staff had seen that the plan moves or drops.
    public var stability: Double

    public init(
        lateness: Double = 0, travel: Double = 0, continuity: Double = 0, territorialFairness: Double = 0,
        zoneFairness: Double = 0, stability: Double = 0
    ) {
        self.lateness = lateness
        self.travel = travel
        self.continuity = continuity
        self.territorialFairness = territorialFairness
        self.zoneFairness = zoneFairness
        self.stability = stability
    }

    public var total: Double { lateness + travel + continuity + territorialFairness + zoneFairness + stability }
}
