import TelemedCore
import TelemedSolver

/// `ranking.json` of a siting search: how candidates were chosen and solved, the base's figures,
/// and every candidate ranked, best first. Sorted keys through ``ScenarioCoder``, so a search
/// run with `iterations` writes the same bytes.
public struct SitingRankingDocument: Codable, Hashable, Sendable {
    /// The base scenario's name.
    public var scenario: String
    public var criteria: SitingCriteria
    public var seed: UInt64
    /// Iterations per solve, when the search ran with a fixed count (then reproducible).
    public var iterations: Int?
    /// Seconds per solve otherwise.
    public var timeLimitSeconds: Double?
    /// How many suggestions the study and the report keep.
    public var count: Int
    /// How candidates are ordered, in words.
    public var ordering: String
    public var base: SitingFigures
    public var baseIterations: Int
    public var candidates: [SitingSuggestion]

    public static let orderingRule =
        "more requests served within their urgency's delay first, then the shorter mean wait (to 0.01 day), "
        + "then fewer unit kilometres (to 0.1 km), then the INSEE code"

    public init(
        scenario: String, criteria: SitingCriteria, seed: UInt64, iterations: Int?, timeLimitSeconds: Double?,
        count: Int, base: SitingFigures, baseIterations: Int, candidates: [SitingSuggestion]
    ) {
        self.scenario = scenario
        self.criteria = criteria
        self.seed = seed
        self.iterations = iterations
        self.timeLimitSeconds = iterations == nil ? timeLimitSeconds : nil
        self.count = count
        ordering = Self.orderingRule
        self.base = base
        self.baseIterations = baseIterations
        self.candidates = candidates
    }
}
