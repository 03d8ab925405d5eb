import Foundation
import TelemedCore
import TelemedSolver

/// `report.html`: the territorial report of a what-if study, in French, self-contained (inline
/// CSS and SVG, no script, nothing fetched) and printable. The base ("référence") is the first
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

    public func render() -> String {
        guard let base = outcomes.first else { return "" }
        let horizon = base.scenario.horizon
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(study.name)) · rapport territorial</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(study.name))</h1>
            <p>Rapport territorial d’accès aux soins · période du \(horizon.start) au \(horizon.end) ·
            \(HTML.escape(base.scenario.name))</p>
            </header>
            <main>
            <section aria-labelledby="resume"><h2 id="resume">Ce qui change</h2>

            """
        for outcome in outcomes.dropFirst() {
            html += "<h3>\(HTML.escape(outcome.variant.name))</h3>"
            if let description = outcome.variant.description {
                html += "<p class=\"description\">\(HTML.escape(description))</p>"
            }
            html +=
                "<ul>"
                + WhatIfSummary(variant: outcome, base: base).sentences.map { "<li>\(HTML.escape($0))</li>" }
                .joined() + "</ul>\n"
        }
        html += "</section>\n"
        html += kpiTable()
        html += charts()
        html += maps()
        html += territoryTables()
        html += differenceTable()
        html += communeTable()
        html += """
            </main>
            <footer><p>Calculé par telemed : \(HTML.escape(runDescription)). Délai = jours entre la demande et
            la consultation. Les références patients sont pseudonymes ; aucun nom ni diagnostic.</p></footer>
            </body>
            </html>

            """
        return html
    }

    var names: [String] { outcomes.map(\.variant.name) }

    func headerRow(_ first: String) -> String {
        "<tr><th scope=\"col\">\(first)</th>" + names.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
            + "</tr>"
    }

    private func kpiTable() -> String {
        var rows: [(String, (WhatIfOutcome) -> String)] = [
            ("Demandes", { French.number($0.kpis.requests) }),
            ("Servies", { "\(French.number($0.kpis.served)) (\(French.percent($0.kpis.servedPercent)))" }),
            ("Urgentes servies sous 2 jours", { French.percent($0.territories.region.urgentWithinTwoDaysPercent) }),
            ("En retard sur l’échéance", { French.number($0.kpis.late) }),
        ]
        for urgency in Urgency.allCases {
            rows.append(
                (
                    "Délai médian / p90, \(French.urgency(urgency)) (jours)",
                    { outcome in
                        let figures = outcome.kpis.byUrgency.first { $0.urgency == urgency }
                        return
                            "\(French.number(figures?.waitMedianDays, places: 1)) / \(French.number(figures?.waitP90Days, places: 1))"
                    }
                ))
        }
        rows += [
            ("Kilomètres des unités", { French.number($0.kpis.unitKilometres) }),
            ("Heures de conduite", { French.number($0.kpis.unitDrivingHours, places: 1) }),
            ("Arrêts des unités", { French.number($0.kpis.visits) }),
            ("Occupation des spécialistes", { French.percent($0.kpis.specialistUtilisation.ratio.map { $0 * 100 }) }),
            ("Occupation des unités", { French.percent($0.kpis.unitUtilisation.ratio.map { $0 * 100 }) }),
        ]
        var html = "<section aria-labelledby=\"indicateurs\"><h2 id=\"indicateurs\">Indicateurs côte à côte</h2><table>"
        html += "<caption>Région entière, par variante</caption>" + headerRow("Indicateur")
        for (label, value) in rows {
            html += "<tr><th scope=\"row\">\(label)</th>" + outcomes.map { "<td>\(value($0))</td>" }.joined() + "</tr>"
        }
        return html + "</table></section>\n"
    }

    private func charts() -> String {
        let charts = PlanComparisonCharts(
            series: outcomes.map {
                .init(name: $0.variant.name, kpis: $0.kpis, departments: $0.territories.departments)
            })
        return """
            <section aria-labelledby="graphiques"><h2 id="graphiques">Graphiques</h2>
            <figure>\(charts.servedByUrgency())<figcaption>Part des demandes servies par urgence.</figcaption></figure>
            <figure>\(charts.routineWaitsByDepartment())<figcaption>Délai médian des demandes programmées, par département.</figcaption></figure>
            <figure>\(charts.kilometres())<figcaption>Kilomètres parcourus par les unités mobiles.</figcaption></figure>
            </section>

            """
    }

    private func maps() -> String {
        var html =
            "<section aria-labelledby=\"cartes\"><h2 id=\"cartes\">Cartes</h2><p>Chaque point est un lieu de"
            + " consultation, coloré selon la part de ses demandes servies (rouge : aucune, vert : toutes) ; les"
            + " carrés noirs sont les bases des unités mobiles.</p><div class=\"maps\">"
        for outcome in outcomes {
            let bookings = PlanKPIs.servingBookings(in: outcome.plan)
            let requestsBySite = Dictionary(grouping: outcome.scenario.requests, by: \.siteId)
            let map = SVGMap(
                title: "Carte · \(outcome.variant.name)",
                sites: outcome.scenario.sites.map { site in
                    let requests = requestsBySite[site.id] ?? []
                    let served = requests.filter { bookings[$0.id] != nil }.count
                    return SVGMap.Point(
                        location: site.location,
                        value: requests.isEmpty ? nil : Double(served) / Double(requests.count),
                        label: "\(site.name) (\(site.commune)) : \(served)/\(requests.count) servies")
                },
                depots: outcome.scenario.units.map {
                    SVGMap.Point(location: $0.depot.location, value: nil, label: "\($0.name) · \($0.depot.name)")
                })
            html += "<figure>\(map.render())<figcaption>\(HTML.escape(outcome.variant.name))</figcaption></figure>"
        }
        return html + "</div></section>\n"
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2833;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;line-height:1.45}
        h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #1b4f72;padding-bottom:.2rem;margin-top:2rem}
        table{border-collapse:collapse;margin:1rem 0;width:100%;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #aab7b8;padding:.3rem .5rem;text-align:right}th[scope=row]{text-align:left;font-weight:500}
        thead th,tr:first-child th{background:#eaf2f8}.description{color:#424949;font-style:italic}
        svg text{font-size:11px;fill:#1c2833}svg .value,svg .category{text-anchor:middle}
        figure{margin:1rem 0}figcaption{font-size:.85rem;color:#424949}.maps{display:flex;flex-wrap:wrap;gap:1rem}
        .maps figure{flex:1 1 340px}.chart{width:100%;height:auto}.map{width:100%;height:auto;border:1px solid #aab7b8}
        footer{margin-top:2rem;font-size:.85rem;color:#424949}
        @media print{body{max-width:none;padding:0}section{break-inside:avoid-page}table.communes{font-size:.75rem}}
        table.communes td,table.communes th{padding:.2rem .35rem}.up{color:#145a32}.down{color:#922b21}
        """
}
