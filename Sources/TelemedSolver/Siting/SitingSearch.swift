import Synchronization
import TelemedCore

/// The siting search: solve the base, choose candidate communes from its unmet demand
/// (``SitingCandidateFilter``), solve each candidate's variant alone with the same seed and
/// limits (``WhatIfRunner``, one single-threaded search per variant, as many at once as there
/// are cores), and rank them by their gain over the base (``SitingGain``).
///
/// Every variant is made by ``WhatIfStudy/scenarios(base:communes:)`` from the study of all the
/// candidates, exactly as `telemed whatif` makes a study's variants, so a suggestion written to a
/// study and solved again with the same seed and iterations finds the same plan.
///
/// ```swift
/// let search = SitingSearch(base: scenario, catalog: catalog, travel: travel,
///                           criteria: .defaults(for: .depot), options: SolverOptions(seed: 1, iterations: 200))
/// let result = try search.run()
/// print(result.suggestions.first?.candidate.commune.name ?? "no candidate")
/// ```
public struct SitingSearch: Sendable {
    public var base: Scenario
    public var catalog: CommuneCatalog
    public var travel: any TravelModel
    public var criteria: SitingCriteria
    public var options: SolverOptions

    public init(
        base: Scenario, catalog: CommuneCatalog, travel: any TravelModel, criteria: SitingCriteria,
        options: SolverOptions
    ) {
        self.base = base
        self.catalog = catalog
        self.travel = travel
        self.criteria = criteria
        self.options = options
    }

    /// What the search found.
    public struct Result: Sendable {
        public var base: SolvedVariant
        public var baseFigures: SitingFigures
        /// Best first.
        public var suggestions: [SitingSuggestion]
        /// Each candidate's solved variant, by variant name (unique in a study; the ids of the
        /// places added are not: every candidate's new unit is the next number, `U-09`).
        public var solved: [String: SolvedVariant]
    }

    /// Progress, for a person waiting: the base solved, the candidates chosen, each solved.
    public enum Progress: Sendable {
        case baseSolved
        case candidatesChosen([SitingCandidate])
        case candidateSolved(done: Int, of: Int)
    }

    public func run(progress: (@Sendable (Progress) -> Void)? = nil) throws(SitingSearchError) -> Result {
        if criteria.kind == .depot && base.units.isEmpty { throw .noUnitToCopy }
        let baseVariant = WhatIfVariant(name: WhatIfStudy.baseName, changes: [])
        let solvedBase: SolvedVariant
        do {
            solvedBase = try WhatIfRunner.solve([(baseVariant, base)], options: options, travelModel: travel)[0]
        } catch {
            throw .solver(error)
        }
        progress?(.baseSolved)
        let candidates = SitingCandidateFilter(
            base: base, basePlan: solvedBase.plan, catalog: catalog, travel: travel, criteria: criteria
        ).candidates()
        guard !candidates.isEmpty else { throw .noCandidate(criteria) }
        progress?(.candidatesChosen(candidates))
        let study = WhatIfStudy(name: "siting", base: "", variants: candidates.map(\.variant))
        let variants: [(variant: WhatIfVariant, scenario: Scenario)]
        do {
            variants = Array(try study.scenarios(base: base).dropFirst())
        } catch {
            throw .invalidCandidate(error)
        }
        let done = Counter()
        let solved: [SolvedVariant]
        do {
            solved = try WhatIfRunner.solve(variants, options: options, travelModel: travel) { _ in
                progress?(.candidateSolved(done: done.increment(), of: variants.count))
            }
        } catch {
            throw .solver(error)
        }
        let baseFigures = SitingFigures(scenario: base, plan: solvedBase.plan, kpis: solvedBase.kpis)
        return Result(
            base: solvedBase, baseFigures: baseFigures,
            suggestions: SitingSuggestion.rank(candidates, solved: solved, base: baseFigures),
            solved: Dictionary(uniqueKeysWithValues: solved.map { ($0.variant.name, $0) }))
    }
}

/// Why a siting search found nothing to rank.
public enum SitingSearchError: Error, CustomStringConvertible {
    case solver(SolverError)
    /// No commune met the criteria: nothing unmet nearby, or every one too close to a point.
    case noCandidate(SitingCriteria)
    case invalidCandidate(WhatIfError)
    /// A new depot's unit is modelled on the scenario's units, and it has none.
    case noUnitToCopy

    public var description: String {
        switch self {
        case .solver(let error): error.description
        case .noCandidate(let criteria):
            "no candidate commune: none of the communes of "
                + (criteria.kind == .townPoint
                    ? "\(criteria.minimumPopulation)–\(criteria.maximumPopulation.map(String.init) ?? "") inhabitants"
                    : "\(criteria.minimumPopulation) inhabitants or more")
                + " at least \(Int(criteria.spacingKilometres)) km from every existing "
                + (criteria.kind == .townPoint ? "town point" : "depot")
                + " has a request left out or served late within \(Int(criteria.radiusMinutes)) minutes in the base "
                + "plan. Widen --radius, lower --spacing, or give the base more demand."
        case .invalidCandidate(let error): "a candidate's variant is not a valid scenario:\n\(error.description)"
        case .noUnitToCopy:
            "the scenario has no unit: a new depot's unit is modelled on the region's units, so add one with a "
                + "what-if addUnit instead"
        }
    }
}

/// Counts solved candidates across the runner's threads.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() -> Int {
        value.withLock { count in
            count += 1
            return count
        }
    }
}
