import Foundation
import TelemedCore
import TelemedHTML
import TelemedSolver

/// `report.html`: the territorial report of a what-if study, in French, self-contained (inline
/// CSS and SVG, no script, nothing fetched) and printable, drawn by `whatif-report.mustache` over
/// TelemedHTML's document frame, charts and maps. The base ("référence") is the first
/// column of every comparison.
public struct WhatIfReportPage: Sendable {
    public var study: WhatIfStudy
    /// The base first, then the variants, as `WhatIfRunner` returns them.
    public var outcomes: [WhatIfOutcome]
    /// How the study was run, for the page's footer ("graine 1, 10 s par variante").
    public var runDescription: String

    public init(study: WhatIfStudy, outcomes: [WhatIfOutcome], runDescription: String) {
        self.study = study
        self.outcomes = outcomes
        self.runDescription = runDescription
    }

    static let templates = TemplateLibrary(bundles: [TelemedHTML.templates, .module])

    public func render() -> String {
        guard let base = outcomes.first else { return "" }
        let context = WhatIfReportContext(
            studyName: study.name, horizonStart: "\(base.scenario.horizon.start)",
            horizonEnd: "\(base.scenario.horizon.end)", scenarioName: base.scenario.name,
            changes: outcomes.dropFirst().map { outcome in
                WhatIfReportContext.Change(
                    name: outcome.variant.name, description: outcome.variant.description,
                    sentences: WhatIfSummary(variant: outcome, base: base).sentences)
            },
            worst: worstTerritories(), kpis: kpiTable(),
            charts: PlanComparisonCharts(
                series: outcomes.map {
                    .init(name: $0.variant.name, kpis: $0.kpis, departments: $0.territories.departments)
                }
            ).drawings(),
            maps: maps(), territories: territoryTables(), zones: zones(),
            differences: differenceTable(),
            urgencies: Urgency.allCases.map(FrenchVocabulary.urgency), communes: communeRows(),
            runDescription: runDescription)
        return Self.templates.render(context, "whatif-report")
    }

    var names: [String] { outcomes.map(\.variant.name) }

    private func kpiTable() -> WhatIfReportContext.Table {
        var rows: [(String, (WhatIfOutcome) -> String)] = [
            ("Demandes", { FrenchVocabulary.number($0.kpis.requests) }),
            (
                "Servies",
                { "\(FrenchVocabulary.number($0.kpis.served)) (\(FrenchVocabulary.percent($0.kpis.servedPercent)))" }
            ),
            (
                "Urgentes servies sous 2 jours",
                { FrenchVocabulary.percent($0.territories.region.urgentWithinTwoDaysPercent) }
            ),
            ("En retard sur l’échéance", { FrenchVocabulary.number($0.kpis.late) }),
        ]
        for urgency in Urgency.allCases {
            rows.append(
                (
                    "Délai médian / p90, \(FrenchVocabulary.urgency(urgency)) (jours)",
                    { outcome in
                        let figures = outcome.kpis.byUrgency.first { $0.urgency == urgency }
                        return
                            "\(FrenchVocabulary.number(figures?.waitMedianDays, places: 1)) / \(FrenchVocabulary.number(figures?.waitP90Days, places: 1))"
                    }
                ))
        }
        rows += [
            ("Kilomètres des unités", { FrenchVocabulary.number($0.kpis.unitKilometres) }),
            ("Heures de conduite", { FrenchVocabulary.number($0.kpis.unitDrivingHours, places: 1) }),
            ("Arrêts des unités", { FrenchVocabulary.number($0.kpis.visits) }),
            (
                "Occupation des spécialistes",
                { FrenchVocabulary.percent($0.kpis.specialistUtilisation.ratio.map { $0 * 100 }) }
            ),
            ("Occupation des unités", { FrenchVocabulary.percent($0.kpis.unitUtilisation.ratio.map { $0 * 100 }) }),
        ]
        return WhatIfReportContext.Table(
            caption: "Région entière, par variante", corner: "Indicateur", columns: names,
            rows: rows.map { label, value in .init(label: label, cells: outcomes.map { .init(value($0)) }) })
    }
}
