import Foundation
import TelemedCore
import Testing

/// `telemed availability import` and `telemed calendar holidays`, run as a user would.
@Suite("telemed availability import and calendar holidays")
struct CalendarCommandTests {
    static let scenario = PublishCommandTests.fixtures.appendingPathComponent("scenario.json").path
    static let calendars = TelemedProcess.packageRoot.appendingPathComponent("Tests/Fixtures/calendars")

    @Test("a Google Calendar export becomes the specialist's unavailable exceptions in a new scenario")
    func importGoogleCalendar() throws {
        let out = TelemedProcess.temporaryFile("scenario.json")
        let result = try TelemedProcess.run([
            "availability", "import", "--specialist", "S-01",
            Self.calendars.appendingPathComponent("google-style.ics").path,
            "--scenario", Self.scenario, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("S-01: 4 unavailable interval(s)"))
        let updated = try ScenarioCoder.load(contentsOf: out)
        let exceptions = updated.specialists[0].exceptions
        #expect(exceptions.count == 4)
        #expect(exceptions.allSatisfy { $0.kind == .unavailable && $0.note == "calendrier importé" })
        #expect(exceptions.map(\.start) == exceptions.map(\.start).sorted())
        #expect(updated.specialists[1].exceptions.isEmpty)
    }

    @Test("a malformed calendar exits 1 with the problem and writes nothing")
    func malformedCalendar() throws {
        let file = TelemedProcess.temporaryFile("bad.ics")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
            .write(to: file)
        let out = file.deletingLastPathComponent().appendingPathComponent("out.json")
        let result = try TelemedProcess.run([
            "availability", "import", "--specialist", "S-01", file.path, "--scenario", Self.scenario, "--out", out.path,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Not a readable iCalendar file: the event x:"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let unknown = try TelemedProcess.run([
            "availability", "import", "--specialist", "S-99",
            Self.calendars.appendingPathComponent("outlook-style.ics").path,
            "--scenario", Self.scenario, "--out", out.path,
        ])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("There is no specialist S-99"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("the shipped demo calendar of S-001 imports into the demo region")
    func demoCalendar() throws {
        let out = TelemedProcess.temporaryFile("demo.json")
        let result = try TelemedProcess.run([
            "availability", "import", "--specialist", "S-001", "Calendars/demo-S-001.ics", "--scenario",
            SolveCommandTests.demo, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // Staff meetings on 5, 12 and 26 January (19th excluded, 26th moved to the morning), the
        // two-day congress as one interval, the operating theatre on the 21st; the reminder is transparent.
        let specialist = try #require(try ScenarioCoder.load(contentsOf: out).specialists.first)
        #expect(specialist.exceptions.filter { $0.note == "calendrier importé" }.count == 5)
    }

    @Test("publishing the solved demo region writes one feed per unit, specialist and site")
    func demoFeeds() throws {
        let plan = try SolveCommandTests.demoPlan.get()
        let out = TelemedProcess.temporaryFile("feeds")
        let result = try TelemedProcess.run([
            "publish", "--scenario", SolveCommandTests.demo, "--plan", plan.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("532 feeds (8 unit, 64 specialist, 460 site)"), "\(result.standardError)")
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("index.json")))
        #expect((index as? [Any])?.count == 532)
    }

    @Test("`calendar holidays` regenerates the shipped Calendars/jours-feries.ics byte for byte")
    func holidaysRegenerate() throws {
        let result = try TelemedProcess.run(["calendar", "holidays", "--from", "2025", "--to", "2028"])
        #expect(result.status == 0, "\(result.standardError)")
        let shipped = try String(
            contentsOf: TelemedProcess.packageRoot.appendingPathComponent("Calendars/jours-feries.ics"), encoding: .utf8
        )
        #expect(result.standardOutput == shipped)
    }
}
