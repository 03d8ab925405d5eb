import TelemedCore
import TelemedHTML

extension ActivityReportPage {
    func monthTable() -> ReportTable {
        Self.countTable(
            caption: "Région entière, par mois", corner: "Mois",
            rows: report.months.map { (FrenchVocabulary.monthHeading($0.month), $0.counts) }, total: report.total)
    }

    func departmentTable() -> ReportTable {
        Self.countTable(
            caption: "Par département du lieu de consultation", corner: "Département",
            rows: report.departments.map { ("\($0.name) (\($0.code))", $0.counts) }, total: report.total)
    }

    func specialtyTable() -> ReportTable {
        Self.countTable(
            caption: "Par spécialité demandée", corner: "Spécialité",
            rows: report.specialties.map { (FrenchVocabulary.specialty($0.specialty), $0.counts) }, total: report.total)
    }

    func siteTable() -> ReportTable {
        let departments = Dictionary(
            report.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let table = Self.countTable(
            caption: "Par lieu de consultation, sur toute la période", corner: "Lieu",
            rows: report.sites.map { ("\($0.name) (\($0.commune))", $0.counts) }, total: nil)
        var withDepartment = table
        withDepartment.columns = ["Département"] + table.columns
        withDepartment.rows = zip(report.sites, table.rows).map { site, row in
            ReportTable.Row(
                label: row.label, cells: [ReportTable.Cell(departments[site.department] ?? site.department)] + row.cells
            )
        }
        return withDepartment
    }

    func waitTable() -> ReportTable {
        let french = FrenchVocabulary.self
        return ReportTable(
            caption: "Séances réalisées, délai entre la demande et la séance, en jours", corner: "Urgence",
            columns: ["Délai cible", "Séances réalisées", "Dans le délai", "Médiane", "90ᵉ centile"],
            rows: report.waits.map { waits in
                ReportTable.Row(
                    label: french.heading(french.urgency(waits.urgency)),
                    cells: [
                        .init("\(french.number(waits.delayDays)) j"), .init(french.number(waits.sessions)),
                        .init(
                            waits.withinDelayPercent.map {
                                "\(french.number(waits.withinDelay)) (\(french.percent($0)))"
                            } ?? "–"),
                        .init(days(waits.medianDays)), .init(days(waits.p90Days)),
                    ])
            })
    }

    func unitMonthTable() -> ReportTable {
        ReportTable(
            caption: "Toutes les unités mobiles, par mois", corner: "Mois", columns: UnitColumns.headings,
            rows: report.months.map {
                ReportTable.Row(label: FrenchVocabulary.monthHeading($0.month), cells: UnitColumns.cells($0.units))
            })
    }

    func unitTable() -> ReportTable {
        ReportTable(
            caption: "Par unité mobile, sur toute la période", corner: "Unité mobile", columns: UnitColumns.headings,
            rows: report.units.map { ReportTable.Row(label: $0.unitName, cells: UnitColumns.cells($0.activity)) })
    }

    /// The waiting list's length by month (its last measured day, the daily mean and the highest),
    /// every day being in activity.csv; nil for a report without waiting-list figures (the
    /// template then says so) or with no day measured yet.
    func waitingListTable() -> ReportTable? {
        guard let lengths = report.waitingList, !lengths.isEmpty else { return nil }
        let months = Dictionary(grouping: lengths) { CalendarMonth(of: $0.date) }
        return ReportTable(
            caption: "Demandes en attente d’un créneau, en fin de journée", corner: "Mois",
            columns: ["Dernier jour mesuré", "Moyenne par jour", "Plus haut"],
            rows: months.keys.sorted().map { month in
                let days = months[month]!.sorted { $0.date < $1.date }
                let mean = Double(days.map(\.waiting).reduce(0, +)) / Double(days.count)
                return ReportTable.Row(
                    label: FrenchVocabulary.monthHeading(month),
                    cells: [
                        .init(FrenchVocabulary.number(days.last!.waiting)),
                        .init(FrenchVocabulary.number(mean, places: 1)),
                        .init(FrenchVocabulary.number(days.map(\.waiting).max()!)),
                    ])
            })
    }

    private func days(_ value: Double?) -> String {
        value.map { "\(FrenchVocabulary.number($0, places: 1)) j" } ?? "–"
    }
}

/// The columns of the units' tables.
enum UnitColumns {
    static let headings = ["Journées de tournée", "Arrêts", "Kilomètres"]

    static func cells(_ activity: UnitActivity) -> [ReportTable.Cell] {
        [
            .init(FrenchVocabulary.number(activity.days)), .init(FrenchVocabulary.number(activity.stops)),
            .init(FrenchVocabulary.number(activity.kilometres)),
        ]
    }
}
