import TelemedCore
import TelemedSolver

/// The territorial tables of the report: the region and each department side by side across
/// variants, the differences against the base, and the annex of communes hosting a site.
extension WhatIfReportPage {
    /// One labelled row per figure of `TerritoryFigures`, shared by the region and department tables.
    static var territoryRows: [(label: String, value: (TerritoryFigures) -> String)] {
        [
            ("Demandes", { French.number($0.requests) }),
            ("Servies", { "\(French.number($0.served)) (\(French.percent($0.servedPercent)))" }),
        ]
            + Urgency.allCases.map { urgency in
                (
                    "Délai médian / p90, \(French.urgency(urgency)) (jours)",
                    { territory in waits(territory, urgency) }
                )
            }
            + [
                ("Urgentes servies sous 2 jours", { French.percent($0.urgentWithinTwoDaysPercent) }),
                ("Arrêts d’unités · km", { "\(French.number($0.unitVisits)) · \(French.number($0.unitKilometres))" }),
                ("Heures de spécialistes", { French.number($0.specialistHours, places: 1) }),
            ]
    }

    /// "4,0 / 9,5": median and 90th percentile of one urgency's waits.
    static func waits(_ territory: TerritoryFigures, _ urgency: Urgency) -> String {
        let figures = territory.byUrgency.first { $0.urgency == urgency }
        return
            "\(French.number(figures?.waitMedianDays, places: 1)) / \(French.number(figures?.waitP90Days, places: 1))"
    }

    func territoryTables() -> String {
        let region = outcomes[0].territories.region
        var html = "<section aria-labelledby=\"territoires\"><h2 id=\"territoires\">Par territoire</h2>"
        html += territoryTable(region, figures: outcomes.map(\.territories.region), kind: "Région")
        for department in outcomes[0].territories.departments {
            let figures = outcomes.map { outcome in outcome.territories.departments.first { $0.code == department.code }
            }
            html += territoryTable(department, figures: figures, kind: "Département")
        }
        return html + "</section>\n"
    }

    private func territoryTable(_ territory: TerritoryFigures, figures: [TerritoryFigures?], kind: String) -> String {
        var html =
            "<table><caption>\(kind) \(HTML.escape(territory.name)) (\(HTML.escape(territory.code))) · "
            + "\(French.number(territory.population.map(Double.init))) habitants · \(territory.sites) lieux</caption>"
            + headerRow("Indicateur")
        for (label, value) in Self.territoryRows {
            html +=
                "<tr><th scope=\"row\">\(label)</th>" + figures.map { "<td>\($0.map(value) ?? "–")</td>" }.joined()
                + "</tr>"
        }
        return html + "</table>"
    }

    /// Per department and variant: served requests, served share and routine median wait against the base.
    func differenceTable() -> String {
        guard outcomes.count > 1 else { return "" }
        var html =
            "<section aria-labelledby=\"ecarts\"><h2 id=\"ecarts\">Écarts avec la référence</h2><table>"
            + "<caption>Par département : demandes servies, part servie (points) et délai médian programmé (jours)"
            + "</caption><tr><th scope=\"col\">Département</th>"
            + names.dropFirst().map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>"
        for department in outcomes[0].territories.departments {
            html += "<tr><th scope=\"row\">\(HTML.escape(department.name)) (\(department.code))</th>"
            for outcome in outcomes.dropFirst() {
                guard let after = outcome.territories.departments.first(where: { $0.code == department.code }) else {
                    html += "<td>–</td>"
                    continue
                }
                let served = after.served - department.served
                let share = (after.servedPercent ?? 0) - (department.servedPercent ?? 0)
                let wait = Self.routineMedian(after).flatMap { new in Self.routineMedian(department).map { new - $0 } }
                html +=
                    "<td class=\"\(served > 0 ? "up" : served < 0 ? "down" : "same")\">"
                    + "\(French.signed(Double(served))) · \(French.signed(share, places: 1)) pt · "
                    + "\(wait.map { French.signed($0, places: 1) } ?? "–") j</td>"
            }
            html += "</tr>"
        }
        return html + "</table></section>\n"
    }

    private static func routineMedian(_ territory: TerritoryFigures) -> Double? {
        territory.byUrgency.first { $0.urgency == .routine }?.waitMedianDays
    }

    /// Every commune hosting a site, one row per variant, with all the figures of the CSV.
    func communeTable() -> String {
        var html =
            "<section aria-labelledby=\"communes\"><h2 id=\"communes\">Annexe : communes accueillant un lieu</h2>"
            + "<table class=\"communes\"><caption>Par commune et par variante ; délais en jours (médiane / p90)"
            + "</caption><tr><th scope=\"col\">Commune</th><th scope=\"col\">Variante</th>"
            + "<th scope=\"col\">Demandes</th><th scope=\"col\">Servies</th>"
            + Urgency.allCases.map { "<th scope=\"col\">Délai \(French.urgency($0))</th>" }.joined()
            + "<th scope=\"col\">Urgentes sous 2 j</th><th scope=\"col\">Arrêts · km</th>"
            + "<th scope=\"col\">Heures spécialistes</th></tr>"
        for commune in outcomes[0].territories.communes {
            for (position, outcome) in outcomes.enumerated() {
                html += "<tr>"
                if position == 0 {
                    html +=
                        "<th scope=\"rowgroup\" rowspan=\"\(outcomes.count)\">\(HTML.escape(commune.name))"
                        + " (\(commune.code))<br>\(French.number(commune.population.map(Double.init))) hab. · "
                        + "\(commune.sites) lieu\(commune.sites > 1 ? "x" : "")</th>"
                }
                html += "<td>\(HTML.escape(outcome.variant.name))</td>"
                guard let figures = outcome.territories.communes.first(where: { $0.code == commune.code }) else {
                    html += String(repeating: "<td>–</td>", count: 4 + Urgency.allCases.count) + "</tr>"
                    continue
                }
                html +=
                    "<td>\(French.number(figures.requests))</td>"
                    + "<td>\(French.number(figures.served)) (\(French.percent(figures.servedPercent)))</td>"
                    + Urgency.allCases.map { "<td>\(Self.waits(figures, $0))</td>" }.joined()
                    + "<td>\(French.percent(figures.urgentWithinTwoDaysPercent))</td>"
                    + "<td>\(French.number(figures.unitVisits)) · \(French.number(figures.unitKilometres))</td>"
                    + "<td>\(French.number(figures.specialistHours, places: 1))</td></tr>"
            }
        }
        return html + "</table></section>\n"
    }
}
