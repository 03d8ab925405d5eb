import TelemedCore

/// `activity.csv`: the report's figures as one long table, one figure per line, so a spreadsheet
/// pivots it and each grain keeps its own keys. Written by ``CSVText`` (RFC 4180, CR LF); numbers
/// with a dot as decimal separator; identifiers (specialty, urgency, figure names) in English.
///
/// Sections (`section` column):
/// - `activity`: per `month`, `department`, `site_id` and `specialty`, the figures `requests`,
///   `bookings`, `confirmed`, `done`, `no_show`, `not_held`, `cancelled` (``ActivityCounts``);
/// - `waits`: per `urgency`, `delay_days`, `sessions`, `within_delay`, and when any session was done
///   `within_delay_percent`, `median_days`, `p90_days` (``UrgencyWaits``);
/// - `units`: per `month` and `unit_id`, `days`, `stops`, `kilometres`;
/// - `waiting_list`: per `date` through the day of reading, `waiting` (requests on the list at the
///   end of the day). No such line when no day of the period has come yet: absent, not zero.
public enum ActivityCSV {
    public static let header = [
        "section", "month", "date", "department", "department_name", "site_id", "site_name", "specialty", "urgency",
        "unit_id", "unit_name", "figure", "value",
    ]

    public static func render(_ report: ActivityReport) -> String {
        CSVText.render(header: header, rows: lines(report).map(\.fields))
    }

    /// One line: the keys that apply to its section, the others empty.
    struct Line {
        var section: String
        var month = "", date = "", department = "", departmentName = "", siteId = "", siteName = "", specialty = ""
        var urgency = "", unitId = "", unitName = ""
        var figure = "", value = ""

        var fields: [String] {
            [
                section, month, date, department, departmentName, siteId, siteName, specialty, urgency, unitId,
                unitName,
                figure, value,
            ]
        }

        func with(_ figure: String, _ value: String) -> Line {
            var line = self
            line.figure = figure
            line.value = value
            return line
        }
    }

    static func lines(_ report: ActivityReport) -> [Line] {
        let departmentNames = Dictionary(
            report.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var lines: [Line] = []
        for row in report.rows {
            let keys = Line(
                section: "activity", month: row.month.description, department: row.department,
                departmentName: departmentNames[row.department] ?? row.department, siteId: row.siteId.rawValue,
                siteName: row.siteName, specialty: row.specialty.rawValue)
            lines += row.counts.figures.map { keys.with($0.name, String($0.value)) }
        }
        for waits in report.waits {
            let keys = Line(section: "waits", urgency: waits.urgency.rawValue)
            let figures: [(String, String?)] = [
                ("delay_days", String(waits.delayDays)), ("sessions", String(waits.sessions)),
                ("within_delay", String(waits.withinDelay)), ("within_delay_percent", number(waits.withinDelayPercent)),
                ("median_days", number(waits.medianDays)), ("p90_days", number(waits.p90Days)),
            ]
            lines += figures.compactMap { name, value in value.map { keys.with(name, $0) } }
        }
        for entry in report.unitMonths {
            let keys = Line(
                section: "units", month: entry.month.description, unitId: entry.unitId.rawValue,
                unitName: entry.unitName)
            lines += [
                keys.with("days", String(entry.activity.days)), keys.with("stops", String(entry.activity.stops)),
                keys.with("kilometres", number(entry.activity.kilometres) ?? ""),
            ]
        }
        for length in report.waitingList ?? [] {
            lines.append(
                Line(section: "waiting_list", date: length.date.description).with("waiting", String(length.waiting)))
        }
        return lines
    }

    /// `12.5`; nil stays nil (the line is left out).
    static func number(_ value: Double?) -> String? {
        value.map { String(($0 * 10).rounded() / 10) }
    }
}

extension ActivityCounts {
    /// Each figure by its CSV name, in the order the report lists them.
    var figures: [(name: String, value: Int)] {
        [
            ("requests", requests), ("bookings", bookings), ("confirmed", confirmed), ("done", done),
            ("no_show", noShow), ("not_held", notHeld), ("cancelled", cancelled),
        ]
    }
}
