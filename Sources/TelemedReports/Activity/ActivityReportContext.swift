import TelemedHTML

/// What `activity-report.mustache` shows, built by ``ActivityReportPage``: every figure already
/// written the French way, so the template only places text.
struct ActivityReportContext {
    struct Chart {
        var drawing: SVGBarChart.Drawing
    }

    var title: String
    var scenarioName: String
    var from, to, asOf: String
    /// "Les jours après le … sont à venir…" when the period runs past the day the figures were read.
    var future: [String]
    var months: ReportTable
    var monthCharts: [Chart]
    var departments: ReportTable
    var specialties: ReportTable
    var waits: ReportTable
    var waitChart: Chart
    var unitMonths: ReportTable
    var unitChart: Chart
    var units: ReportTable
    /// Nil until telemed keeps a waiting list: the section then says the figure is not measured.
    var waitingList: ReportTable?
    /// Nil when no campaign ran during the period: the section is left out.
    var campaigns: ReportTable?
    var sites: ReportTable
    var sitesWithoutActivity: [String]
}
