import TelemedCore
import TelemedHTML

/// `activity.html`: the activity report in French, self-contained (inline CSS and SVG, no script,
/// nothing fetched) and printable, drawn by `activity-report.mustache` over TelemedHTML's document
/// frame and bar charts. The same page is what `telemed report activity` writes and what the
/// planners' page serves for a chosen period.
public struct ActivityReportPage: Sendable {
    public var report: ActivityReport

    public init(report: ActivityReport) {
        self.report = report
    }

    static let templates = TemplateLibrary(bundles: [TelemedHTML.templates, .module])

    /// The count columns, in the order the tables show them.
    static let countColumns: [(heading: String, value: @Sendable (ActivityCounts) -> Int)] = [
        ("Demandes", \.requests), ("Séances réservées", \.bookings), ("Réalisées", \.done),
        ("Patient absent", \.noShow), ("Non tenues", \.notHeld), ("Annulées", \.cancelled),
        ("À venir ou sans issue saisie", \.confirmed),
    ]

    public func render() -> String {
        let french = FrenchVocabulary.self
        let context = ActivityReportContext(
            title: "Rapport d’activité du \(french.date(report.period.from)) au \(french.date(report.period.to))",
            scenarioName: report.scenarioName, from: french.date(report.period.from),
            to: french.date(report.period.to), asOf: french.date(report.asOf), future: futureNote,
            months: monthTable(), monthCharts: monthCharts(), departments: departmentTable(),
            specialties: specialtyTable(), waits: waitTable(), waitChart: waitChart(), unitMonths: unitMonthTable(),
            unitChart: unitChart(), units: unitTable(), waitingList: waitingListTable(), campaigns: campaignTable(),
            sites: siteTable(),
            sitesWithoutActivity: inactiveSitesNote)
        return Self.templates.render(context, "activity-report")
    }

    /// Said when the period runs past the day the figures were read.
    private var futureNote: [String] {
        guard report.period.to > report.asOf else { return [] }
        return [
            "Les jours après le \(FrenchVocabulary.date(report.asOf)) sont à venir : leurs séances confirmées et "
                + "les tournées enregistrées sont prévues, pas encore tenues."
        ]
    }

    /// Why some sites are missing from the annex.
    private var inactiveSitesNote: [String] {
        let count = report.sitesWithoutActivity
        guard count > 0 else { return [] }
        let shown = FrenchVocabulary.number(count)
        return [
            count == 1
                ? "\(shown) lieu sans aucune activité sur la période n’y figure pas."
                : "\(shown) lieux sans aucune activité sur la période n’y figurent pas."
        ]
    }

    static func countCells(_ counts: ActivityCounts) -> [ReportTable.Cell] {
        countColumns.map { ReportTable.Cell(FrenchVocabulary.number($0.value(counts))) }
    }

    static func countTable(caption: String, corner: String, rows: [(String, ActivityCounts)], total: ActivityCounts?)
        -> ReportTable
    {
        let lines = rows + (total.map { [("Total", $0)] } ?? [])
        return ReportTable(
            caption: caption, corner: corner, columns: countColumns.map(\.heading),
            rows: lines.map { ReportTable.Row(label: $0.0, cells: countCells($0.1)) })
    }
}
