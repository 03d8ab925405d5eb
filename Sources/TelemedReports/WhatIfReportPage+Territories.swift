import TelemedCore
import TelemedHTML
import TelemedSolver

/// The territorial tables of the report: the region and each department side by side across
/// variants, the differences against the base, and the annex of communes hosting a site.
extension WhatIfReportPage {
    /// One labelled row per figure of `TerritoryFigures`, shared by the region and department tables.
    static var territoryRows: [(label: String, value: (TerritoryFigures) -> String)] {
        [
            ("Demandes", { FrenchVocabulary.number($0.requests) }),
            ("Servies", { "\(FrenchVocabulary.number($0.served)) (\(FrenchVocabulary.percent($0.servedPercent)))" }),
        ]
            + Urgency.allCases.map { urgency in
                (
                    "Délai médian / p90, \(FrenchVocabulary.urgency(urgency)) (jours)",
                    { territory in waits(territory, urgency) }
                )
            }
            + [
                ("Urgentes servies sous 2 jours", { FrenchVocabulary.percent($0.urgentWithinTwoDaysPercent) }),
                (
                    "Arrêts d’unités · km",
                    { "\(FrenchVocabulary.number($0.unitVisits)) · \(FrenchVocabulary.number($0.unitKilometres))" }
                ),
                ("Heures de spécialistes", { FrenchVocabulary.number($0.specialistHours, places: 1) }),
            ]
    }

    /// "4,0 / 9,5": median and 90th percentile of one urgency's waits.
    static func waits(_ territory: TerritoryFigures, _ urgency: Urgency) -> String {
        let figures = territory.byUrgency.first { $0.urgency == urgency }
        return
            "\(FrenchVocabulary.number(figures?.waitMedianDays, places: 1)) / \(FrenchVocabulary.number(figures?.waitP90Days, places: 1))"
    }

    /// The region, then each department of the base.
    func territoryTables() -> [WhatIfReportContext.Table] {
        let region = outcomes[0].territories.region
        return [territoryTable(region, figures: outcomes.map(\.territories.region), kind: "Région")]
            + outcomes[0].territories.departments.map { department in
                let figures = outcomes.map { outcome in
                    outcome.territories.departments.first { $0.code == department.code }
                }
                return territoryTable(department, figures: figures, kind: "Département")
            }
    }

    private func territoryTable(
        _ territory: TerritoryFigures, figures: [TerritoryFigures?], kind: String
    ) -> WhatIfReportContext.Table {
        WhatIfReportContext.Table(
            caption: "\(kind) \(territory.name) (\(territory.code)) · "
                + "\(FrenchVocabulary.number(territory.population.map(Double.init))) habitants · \(territory.sites) lieux",
            corner: "Indicateur", columns: names,
            rows: Self.territoryRows.map { label, value in
                .init(label: label, cells: figures.map { .init($0.map(value) ?? "–") })
            })
    }

    /// Per department and variant: served requests, served share and routine median wait against
    /// the base; nil with the base alone.
    func differenceTable() -> WhatIfReportContext.Table? {
        guard outcomes.count > 1 else { return nil }
        let rows = outcomes[0].territories.departments.map { department in
            WhatIfReportContext.Row(
                label: "\(department.name) (\(department.code))",
                cells: outcomes.dropFirst().map { outcome in
                    guard let after = outcome.territories.departments.first(where: { $0.code == department.code })
                    else { return .init("–") }
                    let served = after.served - department.served
                    let share = (after.servedPercent ?? 0) - (department.servedPercent ?? 0)
                    let wait = Self.routineMedian(after).flatMap { new in
                        Self.routineMedian(department).map { new - $0 }
                    }
                    return .init(
                        "\(FrenchVocabulary.signed(Double(served))) · \(FrenchVocabulary.signed(share, places: 1)) pt · "
                            + "\(wait.map { FrenchVocabulary.signed($0, places: 1) } ?? "–") j",
                        tone: served > 0 ? "up" : served < 0 ? "down" : "same")
                })
        }
        return WhatIfReportContext.Table(
            caption: "Par département : demandes servies, part servie (points) et délai médian programmé (jours)",
            corner: "Département", columns: Array(names.dropFirst()), rows: rows)
    }

    private static func routineMedian(_ territory: TerritoryFigures) -> Double? {
        territory.byUrgency.first { $0.urgency == .routine }?.waitMedianDays
    }

    /// Every commune hosting a site, one row per variant, with all the figures of the CSV.
    func communeRows() -> [WhatIfReportContext.CommuneRow] {
        outcomes[0].territories.communes.flatMap { commune in
            outcomes.enumerated().map { position, outcome in
                let figures = outcome.territories.communes.first { $0.code == commune.code }
                return WhatIfReportContext.CommuneRow(
                    startsCommune: position == 0, rowspan: outcomes.count, commune: "\(commune.name) (\(commune.code))",
                    population: FrenchVocabulary.number(commune.population.map(Double.init)),
                    sites: "\(commune.sites) lieu\(commune.sites > 1 ? "x" : "")", variant: outcome.variant.name,
                    cells: figures.map(Self.communeCells)
                        ?? Array(repeating: "–", count: 5 + Urgency.allCases.count))
            }
        }
    }

    /// Requests, served, the waits of each urgency, urgent within 2 days, stops · km, specialist hours.
    private static func communeCells(_ figures: TerritoryFigures) -> [String] {
        [
            FrenchVocabulary.number(figures.requests),
            "\(FrenchVocabulary.number(figures.served)) (\(FrenchVocabulary.percent(figures.servedPercent)))",
        ]
            + Urgency.allCases.map { waits(figures, $0) }
            + [
                FrenchVocabulary.percent(figures.urgentWithinTwoDaysPercent),
                "\(FrenchVocabulary.number(figures.unitVisits)) · \(FrenchVocabulary.number(figures.unitKilometres))",
                FrenchVocabulary.number(figures.specialistHours, places: 1),
            ]
    }
}
