// Times the activity report (`telemed report activity`) on a database given by path, e.g. a year
// made by `telemed simulate --db /tmp/year.sqlite --days 365 --seed 1`: the store's aggregate
// queries in one read, then the document, the CSV, the JSON and the HTML, each run --runs times
// (the file is opened read-mostly; nothing is written to it but what opening migrates). Prints one
// JSON object with the median and slowest total and the median of each phase.
// Usage: ActivityBenchmark --db PATH [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--runs N]
// Without --from/--to: the year before the database's today.
import Foundation
import TelemedCore
import TelemedReports
import TelemedStore

struct ActivityTimings: Encodable {
    var from: String
    var to: String
    var runs: Int
    var bookingsInPeriod: Int
    var medianSeconds: Double
    var maxSeconds: Double
    var queriesMedianSeconds: Double
    var documentMedianSeconds: Double
    var csvMedianSeconds: Double
    var jsonMedianSeconds: Double
    var htmlMedianSeconds: Double
    var rows: Int
    var sessionsDone: Int
    var csvBytes: Int
    var jsonBytes: Int
    var htmlBytes: Int
    var dbBytes: Int64
}

var options: [String: String] = [:]
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    if argument.hasPrefix("--"), let value = arguments.popFirst() { options[argument] = value }
}
guard let path = options["--db"], FileManager.default.fileExists(atPath: path) else {
    FileHandle.standardError.write(
        Data("usage: ActivityBenchmark --db PATH [--from DATE] [--to DATE] [--runs N]\n".utf8))
    exit(2)
}
let runs = max(1, options["--runs"].flatMap(Int.init) ?? 5)
let database = try TelemedDatabase.openFile(at: path, clock: .system)
let today = try database.planningWindow().today
let period = try ActivityPeriod(
    from: try options["--from"].map { try LocalDate($0) } ?? today.adding(days: -365),
    to: try options["--to"].map { try LocalDate($0) } ?? today.adding(days: -1))
let departments = try CommuneCatalog.shippedDepartments()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let clock = ContinuousClock()
var phases: [String: [Double]] = [:]
var totals: [Double] = []
var last: (report: ActivityReport, csv: String, json: Data, html: String)?
for _ in 0..<runs {
    let started = clock.now
    var mark = started
    func lap(_ name: String) {
        let now = clock.now
        phases[name, default: []].append(seconds(now - mark))
        mark = now
    }
    let figures = try database.activityFigures(in: period, asOf: today)
    lap("queries")
    let report = ActivityReport(figures: figures, asOf: today, departments: departments)
    lap("document")
    let csv = ActivityCSV.render(report)
    lap("csv")
    let json = try ScenarioCoder.encode(report)
    lap("json")
    let html = ActivityReportPage(report: report).render()
    lap("html")
    totals.append(seconds(clock.now - started))
    last = (report, csv, json, html)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
}
let size = [path, path + "-wal"].compactMap {
    (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.int64Value
}.reduce(0, +)
let report = last!.report
let result = ActivityTimings(
    from: period.from.description, to: period.to.description, runs: runs, bookingsInPeriod: report.total.bookings,
    medianSeconds: median(totals), maxSeconds: totals.max() ?? 0,
    queriesMedianSeconds: median(phases["queries"] ?? []), documentMedianSeconds: median(phases["document"] ?? []),
    csvMedianSeconds: median(phases["csv"] ?? []), jsonMedianSeconds: median(phases["json"] ?? []),
    htmlMedianSeconds: median(phases["html"] ?? []), rows: report.rows.count, sessionsDone: report.total.done,
    csvBytes: last!.csv.utf8.count, jsonBytes: last!.json.count, htmlBytes: last!.html.utf8.count, dbBytes: size)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
