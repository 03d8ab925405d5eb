import TelemedCore

/// What the siting search adds: a town point (a consultation room in a commune) or a depot (one
/// more unit, like the region's typical one, based in the commune).
public enum SitingKind: String, Codable, CaseIterable, Hashable, Sendable {
    case townPoint, depot
}

/// How candidate communes are chosen before any is solved (``SitingCandidateFilter``).
public struct SitingCriteria: Codable, Hashable, Sendable {
    public var kind: SitingKind
    /// At most this many candidates are solved.
    public var maximumCandidates: Int
    /// Unmet demand counts at sites within this many minutes' drive of the commune's town hall.
    public var radiusMinutes: Double
    /// Candidates lie at least this far (great circle) from the existing points of their kind
    /// (town points, or units' depots) and from one another, so they cover different areas.
    public var spacingKilometres: Double
    /// Communes of at least this many inhabitants…
    public var minimumPopulation: Int
    /// …and at most this many, when set.
    public var maximumPopulation: Int?

    public init(
        kind: SitingKind, maximumCandidates: Int, radiusMinutes: Double, spacingKilometres: Double,
        minimumPopulation: Int, maximumPopulation: Int?
    ) {
        self.kind = kind
        self.maximumCandidates = maximumCandidates
        self.radiusMinutes = radiusMinutes
        self.spacingKilometres = spacingKilometres
        self.minimumPopulation = minimumPopulation
        self.maximumPopulation = maximumPopulation
    }

    func admits(population: Int) -> Bool {
        population >= minimumPopulation && population <= (maximumPopulation ?? .max)
    }

    /// Town points: the communes the generator gives town points to (200 to 3,000 inhabitants),
    /// 10 km apart, with unmet demand within 30 minutes. Depots: towns of 5,000 inhabitants or
    /// more (where units are based, at a hospital), 30 km from any depot, with unmet demand
    /// within an hour (a unit drives up to four hours a day).
    public static func defaults(for kind: SitingKind, maximumCandidates: Int = 20) -> SitingCriteria {
        switch kind {
        case .townPoint:
            SitingCriteria(
                kind: kind, maximumCandidates: maximumCandidates, radiusMinutes: 30,
                spacingKilometres: DemoRegionGenerator.townPointSpacingKilometres,
                minimumPopulation: DemoRegionGenerator.townPointPopulation.lowerBound,
                maximumPopulation: DemoRegionGenerator.townPointPopulation.upperBound)
        case .depot:
            SitingCriteria(
                kind: kind, maximumCandidates: maximumCandidates, radiusMinutes: 60, spacingKilometres: 30,
                minimumPopulation: DemoRegionGenerator.healthCentrePopulation, maximumPopulation: nil)
        }
    }
}
