import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

/// `telemed report activity` run as a user would: the three files, the CSV read by Python's csv
/// module, the HTML in French only on the demo region (the small fixture's name is English) and in
/// Chromium when there is one, the same bytes twice, and refusals that write nothing.
@Suite("telemed report activity, run as a user would")
struct ReportCommandTests {
    static let small = "Tests/TelemedCoreTests/Fixtures/small-scenario.json"
    static let demo = "Scenarios/bfc-demo.json"

    /// What the tests read of `activity.json`.
    struct Document: Decodable {
        struct Month: Decodable {
            var month: String
            var counts: ActivityCounts
        }
        struct Waits: Decodable {
            var urgency: String
            var delayDays: Int
            var sessions: Int
            var medianDays: Double?
        }
        var formatVersion: Int
        var period: ActivityPeriod
        var asOf: LocalDate
        var total: ActivityCounts
        var months: [Month]
        var waits: [Waits]
    }

    /// A database holding `scenario`, and a folder (not created) for the report.
    static func database(_ scenario: String) throws -> (db: URL, out: URL) {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let imported = try TelemedProcess.run(["db", "import", scenario, "--db", db.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        return (db, db.deletingLastPathComponent().appendingPathComponent("rapport"))
    }

    static func report(db: URL, from: String, to: String, out: URL) throws -> TelemedProcess.Result {
        try TelemedProcess.run(["report", "activity", "--db", db.path, "--from", from, "--to", to, "--out", out.path])
    }

    static func scenario(_ path: String) throws -> Scenario {
        try ScenarioCoder.load(contentsOf: TelemedProcess.packageRoot.appendingPathComponent(path))
    }

    @Test("writes activity.html, activity.csv and activity.json that agree with the database, the same bytes twice")
    func writesThreeFiles() throws {
        let (db, out) = try Self.database(Self.small)
        let result = try Self.report(db: db, from: "2027-01-01", to: "2027-01-31", out: out)
        #expect(result.status == 0, "\(result.standardError)")
        let scenario = try Self.scenario(Self.small)
        let requests = scenario.requests.filter { $0.releaseDate.month == 1 && $0.releaseDate.year == 2027 }.count
        let confirmed = scenario.bookings.filter { $0.status == .confirmed }.count
        #expect(requests > 0 && confirmed > 0)

        let json = try Data(contentsOf: out.appendingPathComponent("activity.json"))
        let document = try ScenarioCoder.decode(Document.self, from: json)
        #expect(document.formatVersion == 1)
        #expect(document.period.from.description == "2027-01-01" && document.period.to.description == "2027-01-31")
        #expect(document.asOf == scenario.horizon.start, "the database's today")
        #expect(document.total == ActivityCounts(requests: requests, bookings: confirmed, confirmed: confirmed))
        #expect(document.months.map(\.month) == ["2027-01"])
        #expect(document.waits.map(\.urgency) == ["urgent", "soon", "routine"])
        #expect(document.waits.map(\.delayDays) == [2, 7, 28])
        #expect(document.waits.allSatisfy { $0.sessions == 0 && $0.medianDays == nil })
        // The waiting list, measured through the database's today (4 January): empty, every day.
        let jsonText = String(decoding: json, as: UTF8.self)
        #expect(jsonText.contains("waitingList"))

        let csv = try PythonActivityCSVCheck.check(out.appendingPathComponent("activity.csv"))
        #expect(csv.sums["activity"]?["requests"] == Double(requests))
        #expect(csv.sums["activity"]?["bookings"] == Double(confirmed))
        #expect(csv.sums["activity"]?["done"] == 0)
        #expect(csv.lines["waits"] == 9, "delay, sessions and within delay per urgency; no median without sessions")
        #expect(csv.lines["waiting_list"] == 4, "1 to 4 January, the days through the database's today")
        #expect(csv.sums["waiting_list"]?["waiting"] == 0)

        let html = try String(contentsOf: out.appendingPathComponent("activity.html"), encoding: .utf8)
        for text in [
            "Rapport d’activité", "Ce que compte chaque chiffre", "Délais d’accès par urgence",
            "Demandes en attente d’un créneau",
        ] {
            #expect(html.contains(text), "activity.html lacks “\(text)”")
        }

        let again = out.deletingLastPathComponent().appendingPathComponent("encore")
        #expect(try Self.report(db: db, from: "2027-01-01", to: "2027-01-31", out: again).status == 0)
        for name in ["activity.csv", "activity.json", "activity.html"] {
            #expect(
                try Data(contentsOf: out.appendingPathComponent(name))
                    == Data(contentsOf: again.appendingPathComponent(name)), "\(name) differs between two runs")
        }
    }

    @Test("the demo region's report reads in French only and counts every request of its month")
    func demoInFrench() throws {
        let (db, out) = try Self.database(Self.demo)
        let result = try Self.report(db: db, from: "2027-01-01", to: "2027-02-28", out: out)
        #expect(result.status == 0, "\(result.standardError)")
        let requests = try Self.scenario(Self.demo).requests.filter { $0.releaseDate.month == 1 }.count
        let csv = try PythonActivityCSVCheck.check(out.appendingPathComponent("activity.csv"))
        #expect(csv.sums["activity"]?["requests"] == Double(requests))
        let page = out.appendingPathComponent("activity.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let foreign = FrenchOnlyCheck.foreign(VisibleText.html(html))
        #expect(foreign.isEmpty, "\(foreign)")
        let words = VisibleText.html(html)
        #expect(words.contains("Côte-d'Or") && words.contains("Février"))
        if HeadlessChromium.shouldRun {
            let browser = try HeadlessChromium.required()
            let dom = try browser.renderedDOM(of: page)
            #expect(dom.contains("Par département") && dom.contains("<svg"))
            let png = try browser.screenshot(of: page, named: "activity-report", height: 2400)
            #expect(png.count > 20_000, "a rendered report is more than a blank page (\(png.count) bytes)")
        }
    }

    @Test(
        "a bad date, a period backwards or one longer than ten years is refused with what to do, nothing written",
        arguments: [
            (["--from", "2027-13-01", "--to", "2027-01-31"], "is not a date"),
            (["--from", "2027-02-01", "--to", "2027-01-31"], "starts on 2027-02-01, after it ends on 2027-01-31"),
            (["--from", "2017-01-01", "--to", "2027-12-31"], "at most 3653"),
        ])
    func refusals(_ dates: [String], _ message: String) throws {
        let (db, out) = try Self.database(Self.small)
        let result = try TelemedProcess.run(["report", "activity", "--db", db.path, "--out", out.path] + dates)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    @Test("a missing database or an --out that is a file is refused with what to do, nothing written")
    func refusedFiles() throws {
        let missing = TelemedProcess.temporaryFile("absent.sqlite")
        let out = missing.deletingLastPathComponent().appendingPathComponent("rapport")
        let noDatabase = try Self.report(db: missing, from: "2027-01-01", to: "2027-01-31", out: out)
        #expect(noDatabase.status == 1)
        #expect(noDatabase.standardError.contains("There is no database at"), "\(noDatabase.standardError)")
        #expect(
            !FileManager.default.fileExists(atPath: missing.path) && !FileManager.default.fileExists(atPath: out.path))

        let (db, folder) = try Self.database(Self.small)
        try Data("x".utf8).write(to: folder)
        let notAFolder = try Self.report(db: db, from: "2027-01-01", to: "2027-01-31", out: folder)
        #expect(notAFolder.status == 1)
        #expect(notAFolder.standardError.contains("is a file, not a folder"), "\(notAFolder.standardError)")
        #expect(try Data(contentsOf: folder) == Data("x".utf8))
    }
}
