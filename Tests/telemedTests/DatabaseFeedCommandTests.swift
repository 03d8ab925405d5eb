import Foundation
import TelemedCore
import Testing

/// `telemed publish --db` and `telemed availability import --db` on a real database file holding
/// confirmed bookings (the confirmation load's first writer: one booking per 30-minute slot).
@Suite("telemed publish and availability import on a database")
struct DatabaseFeedCommandTests {
    /// A database with `groups` confirmed bookings of specialist SP-LOAD at site T-LOAD from
    /// Monday 2027-01-04 08:00 (Paris), one every 30 minutes.
    private func loadedDatabase(groups: Int = 6) throws -> String {
        let database = TelemedProcess.temporaryFile("telemed.sqlite").path
        let load = ["db", "confirm-load", "--db", database, "--groups", "\(groups)", "--writers", "1"]
        let setup = try TelemedProcess.run(load + ["--setup"])
        #expect(setup.status == 0, "\(setup.standardError)")
        let confirmed = try TelemedProcess.run(load + ["--writer", "0"])
        #expect(confirmed.standardOutput.split(separator: "\n").count == groups, "\(confirmed.standardError)")
        return database
    }

    @Test("publish --db writes the stored bookings' feeds with their versions and audit times")
    func publishFromDatabase() throws {
        let database = try loadedDatabase()
        let out = TelemedProcess.temporaryFile("feeds")
        let result = try TelemedProcess.run([
            "publish", "--db", database, "--out", out.path, "--now", "2027-01-04T06:00:00Z",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("2 feeds (0 unit, 1 specialist, 1 site), 12 events"))
        let report = try PythonFeedCheck.check(out)
        let site = try #require(report.feeds["site-T-LOAD.ics"]).events
        #expect(site.count == 6)
        #expect(site.allSatisfy { $0.status == "CONFIRMED" && $0.sequence == 2 })
        #expect(site.first?.dtstart?.local == "2027-01-04T08:00:00+01:00")
        #expect(report.feeds["specialist-SP-LOAD.ics"]?.events.count == 6)
        // LAST-MODIFIED comes from the audit log (today), not from the publication time.
        let text = try String(contentsOf: out.appendingPathComponent("site-T-LOAD.ics"), encoding: .utf8)
        let modified = text.split(separator: "\r\n").filter { $0.hasPrefix("LAST-MODIFIED:") }
        #expect(modified.count == 6 && !modified.contains("LAST-MODIFIED:20270104T060000Z"))
    }

    @Test("publish needs --db or both --scenario and --plan, and refuses a database that does not exist")
    func publishArguments() throws {
        let missing = TelemedProcess.temporaryFile("missing.sqlite")
        let out = TelemedProcess.temporaryFile("feeds")
        let result = try TelemedProcess.run(["publish", "--db", missing.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("There is no database at \(missing.path)"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let both = try TelemedProcess.run([
            "publish", "--db", missing.path, "--scenario", PublishCommandTests.scenario, "--out", out.path,
        ])
        #expect(both.status == 64)
        #expect(both.standardError.contains("Give either --db PATH, or both --scenario FILE and --plan FILE."))
    }

    @Test("availability import --db replaces the specialist's imported busy time and names the bookings it hits")
    func importIntoDatabase() throws {
        let database = try loadedDatabase()
        let calendar = try calendarFile(busy: ("20270104T090000", "20270104T100000"))
        let result = try TelemedProcess.run([
            "availability", "import", "--specialist", "SP-LOAD", calendar.path, "--db", database,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("SP-LOAD: 1 unavailable interval(s), 1 h"))
        // 09:00 and 09:30 fall in the busy hour; they stay confirmed, to be rescheduled.
        #expect(result.standardError.contains("confirmed booking B-2-0 at"))
        #expect(result.standardError.contains("confirmed booking B-3-0 at"))
        #expect(!result.standardError.contains("B-1-0") && !result.standardError.contains("B-4-0"))

        let later = try calendarFile(busy: ("20270104T140000", "20270104T143000"))
        let again = try TelemedProcess.run([
            "availability", "import", "--specialist", "SP-LOAD", later.path, "--db", database,
        ])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(!again.standardError.contains("confirmed booking"))
        let exceptions = try exportedScenario(database).specialists[0].exceptions
        #expect(exceptions.count == 1)
        #expect(exceptions.first?.start == ISO8601DateFormatter().date(from: "2027-01-04T13:00:00Z"))
        #expect(exceptions.first?.note == "calendrier importé")
    }

    @Test("availability import --db for an unknown specialist exits 1 and changes nothing")
    func importRefused() throws {
        let database = try loadedDatabase(groups: 2)
        let before = try exportedScenario(database)
        let calendar = try calendarFile(busy: ("20270104T090000", "20270104T100000"))
        let result = try TelemedProcess.run([
            "availability", "import", "--specialist", "SP-404", calendar.path, "--db", database,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Unknown reference: specialist SP-404."))
        #expect(try exportedScenario(database) == before)
    }

    private func calendarFile(busy: (String, String)) throws -> URL {
        let file = TelemedProcess.temporaryFile("busy.ics")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//FR", "BEGIN:VEVENT", "UID:busy@test",
            "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Paris:\(busy.0)", "DTEND;TZID=Europe/Paris:\(busy.1)",
            "SUMMARY:Bloc opératoire", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
        try Data(text.utf8).write(to: file)
        return file
    }

    private func exportedScenario(_ database: String) throws -> Scenario {
        let out = TelemedProcess.temporaryFile("export.json")
        let result = try TelemedProcess.run(["db", "export", "--db", database, "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        return try ScenarioCoder.load(contentsOf: out)
    }
}
