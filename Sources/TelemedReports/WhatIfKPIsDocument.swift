import TelemedCore
import TelemedSolver

/// `kpis.json` of a what-if run: every variant's KPIs, how it was found, and the summary, the
/// base first. Sorted keys through ``ScenarioCoder``, so a run with `iterations` is the same bytes.
public struct WhatIfKPIsDocument: Codable, Hashable, Sendable {
    public struct Variant: Codable, Hashable, Sendable {
        public var name: String
        public var description: String?
        public var iterations: Int
        public var placeableAlone: Int
        public var kpis: PlanKPIs
        /// The whole region's territorial figures (population, within 30 and 45 minutes, waits by
        /// urgency, urgent within 2 days…).
        public var region: TerritoryFigures
        /// The same figures per department, intercommunality (EPCI) and zone; those of every commune
        /// are in `territories.csv`.
        public var departments: [TerritoryFigures]
        public var intercommunalities: [TerritoryFigures]
        public var zones: [TerritoryFigures]
        /// Median wait and served count per specialty and urgency, for direction checks by specialty.
        public var specialties: [SpecialtyWait]
        /// Against the base; empty for the base itself.
        public var summary: [String]
    }

    public var study: String
    public var seed: UInt64
    public var variants: [Variant]

    public init(study: WhatIfStudy, outcomes: [WhatIfOutcome], seed: UInt64) {
        self.study = study.name
        self.seed = seed
        variants = outcomes.enumerated().map { position, outcome in
            Variant(
                name: outcome.variant.name, description: outcome.variant.description, iterations: outcome.iterations,
                placeableAlone: outcome.placeableAlone, kpis: outcome.kpis, region: outcome.territories.region,
                departments: outcome.territories.departments,
                intercommunalities: outcome.territories.intercommunalities, zones: outcome.territories.zones,
                specialties: outcome.territories.specialtyWaits,
                summary: position == 0 ? [] : WhatIfSummary(variant: outcome, base: outcomes[0]).sentences)
        }
    }
}
