import ArgumentParser
import Foundation
import TelemedCore
import TelemedReports
import TelemedStore

struct ActivityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Write the activity report of a period: activity.html (French), activity.csv and activity.json.",
        discussion: """
            For funders and the programme's partners, from the database as it is: per month, department, \
            site and specialty, the requests made (counted by their release date) and the sessions booked, \
            done, missed by the resident (no-show), not held and cancelled (counted by the local date of \
            the session's start); the waits from request to session done by urgency against the \
            urgency's delay (median, p90, share within the delay); the units' days, stops and \
            kilometres per month and unit (by the route's date). "Booked" means confirmed at some point; \
            "cancelled", confirmed then cancelled. Figures of days after the database's today are \
            sessions and routes still to come. The waiting list's length is not measured yet and is \
            absent from the three files. Nothing is written when the period or a file is refused.

            Example: telemed report activity --db telemed.sqlite --from 2027-01-01 --to 2027-12-31 --out rapport-2027
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "First day of the period, YYYY-MM-DD (Europe/Paris).", transform: parseDate)
    var from: LocalDate

    @Option(help: "Last day of the period, YYYY-MM-DD, included.", transform: parseDate)
    var to: LocalDate

    @Option(help: "Folder for activity.html, activity.csv and activity.json (created if needed).")
    var out: String = "activity"

    func run() throws {
        let period: ActivityPeriod
        do {
            period = try ActivityPeriod(from: from, to: to)
        } catch {
            throw ReportError.period(error)
        }
        let folder = URL(fileURLWithPath: out)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ReportError.notAFolder(out)
        }
        let store = try database.openExisting()
        let (figures, today) = try StoreFailure.wrap {
            let today = try store.planningWindow().today
            return (try store.activityFigures(in: period, asOf: today), today)
        }
        let departments: [Department]
        do {
            departments = try CommuneCatalog.shippedDepartments()
        } catch {
            throw InputError(error.description)
        }
        let report = ActivityReport(figures: figures, asOf: today, departments: departments)
        // Everything is rendered before the first file is written.
        let files = [
            ("activity.html", Data(ActivityReportPage(report: report).render().utf8)),
            ("activity.csv", Data(ActivityCSV.render(report).utf8)),
            ("activity.json", try ScenarioCoder.encode(report)),
        ]
        for (name, data) in files {
            let path = folder.appendingPathComponent(name).path
            do {
                try Output.write(data, to: path)
            } catch {
                throw ReportError.cannotWrite(path, reason: error.localizedDescription)
            }
        }
        let total = report.total
        print(
            "\(period.from) to \(period.to): requests \(total.requests), sessions booked \(total.bookings) (done "
                + "\(total.done), no-show \(total.noShow), not held \(total.notHeld), cancelled \(total.cancelled))")
        Output.note("report written to \(folder.appendingPathComponent("activity.html").path)")
    }

}
