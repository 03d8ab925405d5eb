import TelemedCore
import TelemedHTML

extension ActivityReportPage {
    /// Wide enough that each month's three bars carry their four-digit values side by side; the
    /// SVG scales to the page.
    private var monthChartWidth: Double { max(760, 100 * Double(report.months.count) + 60) }

    /// Taller as it widens, so bars keep their height once the SVG is scaled to the page.
    private var monthChartHeight: Double { max(260, monthChartWidth * 0.3) }

    private var monthNames: [String] { report.months.map { FrenchVocabulary.shortMonth($0.month) } }

    private func series(_ name: String, _ value: (ActivityReport.Month) -> Double) -> (name: String, values: [Double?])
    {
        (name, report.months.map { value($0) })
    }

    func monthCharts() -> [ActivityReportContext.Chart] {
        let demand = SVGBarChart(
            title: "Demandes, séances réservées et réalisées par mois", unit: "nombre", categories: monthNames,
            series: [
                series("Demandes") { Double($0.counts.requests) },
                series("Séances réservées") { Double($0.counts.bookings) },
                series("Réalisées") { Double($0.counts.done) },
            ], places: 0)
        let missed = SVGBarChart(
            title: "Séances manquées par mois", unit: "nombre", categories: monthNames,
            series: [
                series("Patient absent") { Double($0.counts.noShow) },
                series("Non tenues") { Double($0.counts.notHeld) },
                series("Annulées") { Double($0.counts.cancelled) },
            ], places: 0)
        return [demand, missed].map { .init(drawing: $0.drawing(width: monthChartWidth, height: monthChartHeight)) }
    }

    func waitChart() -> ActivityReportContext.Chart {
        let chart = SVGBarChart(
            title: "Délais des séances réalisées par urgence, en jours", unit: "jours",
            categories: report.waits.map { FrenchVocabulary.heading(FrenchVocabulary.urgency($0.urgency)) },
            series: [
                ("Délai cible", report.waits.map { Double($0.delayDays) }),
                ("Médiane", report.waits.map(\.medianDays)),
                ("90ᵉ centile", report.waits.map(\.p90Days)),
            ])
        return .init(drawing: chart.drawing())
    }

    func unitChart() -> ActivityReportContext.Chart {
        let chart = SVGBarChart(
            title: "Kilomètres des unités mobiles par mois", unit: "km", categories: monthNames,
            series: [series("Kilomètres") { $0.units.kilometres }], places: 0)
        return .init(drawing: chart.drawing(width: monthChartWidth, height: monthChartHeight))
    }
}
