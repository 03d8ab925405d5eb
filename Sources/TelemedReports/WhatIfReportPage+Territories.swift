import TelemedCore
import TelemedHTML
import TelemedSolver

/// The territorial tables of the report: the region and each department side by side across
/// variants, the differences against the base, and the annex of communes hosting a site.
extension WhatIfReportPage {
    /// One labelled row per figure of `TerritoryFigures`, shared by the region and department tables.
    static var territoryRows: [(label: String, value: (TerritoryFigures) -> String)] {
        [
            (
                "Population à moins de 30 min d’un lieu utilisé",
                { people($0.populationWithin30Minutes, $0.within30MinutesPercent) }
            ),
            ("Population à moins de 45 min", { people($0.populationWithin45Minutes, $0.within45MinutesPercent) }),
            (
                "Consultations pour 1\u{202F}000 habitants",
                { FrenchVocabulary.number($0.consultationsPerThousand, places: 1) }
            ),
            ("Demandes", { FrenchVocabulary.number($0.requests) }),
            ("Servies", { "\(FrenchVocabulary.number($0.served)) (\(FrenchVocabulary.percent($0.servedPercent)))" }),
            ("Servies dans le délai de leur urgence", { FrenchVocabulary.percent($0.servedWithinDelayPercent) }),
            (
                "Délai médian / p90, toutes urgences (jours)",
                {
                    "\(FrenchVocabulary.number($0.waitMedianDays, places: 1)) / \(FrenchVocabulary.number($0.waitP90Days, places: 1))"
                }
            ),
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

    /// "812 400 (91 %)": inhabitants and their share of the territory's population.
    static func people(_ count: Int?, _ percent: Double?) -> String {
        guard let count else { return "–" }
        return "\(FrenchVocabulary.number(Double(count))) (\(FrenchVocabulary.percent(percent)))"
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

    /// Each zone of the base scenario, side by side across variants; nil without zones. Zones are
    /// sets of whole communes, so a neighbourhood's figures are its commune's: said whenever a QPV
    /// is shown.
    func zones() -> WhatIfReportContext.Zones? {
        let zones = outcomes[0].territories.zones
        guard !zones.isEmpty else { return nil }
        let note =
            zones.contains { $0.zoneKind == .cityPolicyNeighbourhood }
            ? "Un quartier prioritaire (QPV) est représenté par sa commune entière : ses chiffres de population "
                + "et d’accès sont ceux de la commune, non du seul quartier." : nil
        return WhatIfReportContext.Zones(
            note: note,
            tables: zones.map { zone in
                let figures = outcomes.map { outcome in outcome.territories.zones.first { $0.code == zone.code } }
                return territoryTable(zone, figures: figures, kind: "Zone \(zone.zoneKind?.rawValue ?? "")")
            })
    }

    private func territoryTable(
        _ territory: TerritoryFigures, figures: [TerritoryFigures?], kind: String
    ) -> WhatIfReportContext.Table {
        WhatIfReportContext.Table(
            caption: "\(kind) \(territory.name)\(territory.level == .zone ? "" : " (\(territory.code))") · "
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
        outcomes[0].territories.communes.filter { $0.sites > 0 }.flatMap { commune in
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
