import Foundation
import TelemedCore
import Testing

/// `telemed publish` on the feed fixture (bookings on both sides of the spring clock change), its
/// output read back by Python's icalendar.
@Suite("telemed publish, read back by Python's icalendar")
struct PublishCommandTests {
    static let fixtures = TelemedProcess.packageRoot.appendingPathComponent("Tests/Fixtures/feeds")
    static let scenario = fixtures.appendingPathComponent("scenario.json").path
    static let plan = fixtures.appendingPathComponent("plan.json").path

    static func publish(scenario: String = scenario, plan: String = plan, extra: [String] = []) throws -> (
        TelemedProcess.Result, URL
    ) {
        let out = TelemedProcess.temporaryFile("feeds")
        let result = try TelemedProcess.run(
            ["publish", "--scenario", scenario, "--plan", plan, "--out", out.path, "--now", "2027-03-20T12:00:00Z"]
                + extra)
        return (result, out)
    }

    @Test(
        "--feed-alarm puts a display alarm on confirmed sessions of that kind, read by icalendar; a bad one is refused")
    func alarms() throws {
        let (result, out) = try Self.publish(extra: ["--feed-alarm", "site=60", "--feed-alarm", "unit=45"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try PythonFeedCheck.check(out)
        let site = try #require(report.feeds["site-E-58-0001.ics"]).events
        for event in site {
            let expected =
                event.status == "CONFIRMED"
                ? [
                    PythonFeedCheck.Alarm(
                        action: "DISPLAY", trigger: -3600, description: "Rappel : \(event.summary ?? "")")
                ]
                : []
            #expect(event.alarms == expected, "\(event.uid)")
        }
        #expect(site.contains { !$0.alarms.isEmpty } && site.contains { $0.alarms.isEmpty })
        let unit = try #require(report.feeds["unit-U-58.ics"]).events
        #expect(unit.contains { $0.alarms.map(\.trigger) == [-2700] })
        #expect(report.feeds["specialist-S-01.ics"]?.events.allSatisfy { $0.alarms.isEmpty } == true)
        for bad in ["site=0", "site", "room=10", "unit=10081"] {
            let (refused, _) = try Self.publish(extra: ["--feed-alarm", bad])
            #expect(refused.status != 0, "\(bad)")
            #expect(refused.standardError.contains("--feed-alarm"), "\(bad): \(refused.standardError)")
        }
        let (twice, _) = try Self.publish(extra: ["--feed-alarm", "site=10", "--feed-alarm", "site=20"])
        #expect(twice.status != 0 && twice.standardError.contains("twice"))
    }

    @Test("every feed parses with icalendar: counts, UIDs and Europe/Paris times across the clock change")
    func feedsReadByPython() throws {
        let (result, out) = try Self.publish()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("5 feeds (1 unit, 2 specialist, 2 site), 12 events"))
        let report = try PythonFeedCheck.check(out)
        #expect(
            report.feeds.mapValues(\.events.count) == [
                "unit-U-58.ics": 3, "specialist-S-01.ics": 2, "specialist-S-02.ics": 2, "site-E-58-0001.ics": 3,
                "site-T-58-0001.ics": 2,
            ])
        for feed in report.feeds.values {
            #expect(feed.calendar["method"] == "PUBLISH")
            #expect(feed.calendar["x-wr-timezone"] == "Europe/Paris")
            #expect(feed.calendar["x-published-ttl"] == "PT1H")
            #expect(feed.timezones == ["Europe/Paris"])
        }
        let fournier = try #require(report.feeds["specialist-S-01.ics"]).events
        #expect(fournier.map(\.uid) == ["booking-B-1-specialist@telemed", "booking-B-4-specialist@telemed"])
        // 09:00 in Paris on both sides of 2027-03-28: +01:00 before, +02:00 after.
        #expect(fournier.map { $0.dtstart?.local } == ["2027-03-26T09:00:00+01:00", "2027-03-29T09:00:00+02:00"])
        #expect(fournier.map { $0.dtstart?.utc } == ["2027-03-26T08:00:00+00:00", "2027-03-29T07:00:00+00:00"])
        #expect(fournier.allSatisfy { $0.dtstart?.tzid == "Europe/Paris" })
        #expect(fournier.first?.url == "https://visio.example.org/dr-fournier")
        #expect(fournier.map(\.sequence) == [2, 3])
        let route = try #require(report.feeds["unit-U-58.ics"]).events
        #expect(
            route.map(\.uid) == [
                "stop-U-58-2027-03-26-T-58-0001@telemed", "stop-U-58-2027-03-26-E-58-0001@telemed",
                "stop-U-58-2027-03-29-E-58-0001@telemed",
            ])
        #expect(
            route.map { $0.dtstart?.local } == [
                "2027-03-26T10:00:00+01:00", "2027-03-26T12:15:00+01:00", "2027-03-29T09:30:00+02:00",
            ])
        #expect(route.first?.summary == "Arrêt 1/2 · Maison de santé du Morvan (Lormes)")
        #expect(route.allSatisfy { $0.properties.contains("GEO") })
        let benali = try #require(report.feeds["specialist-S-02.ics"]).events
        #expect(benali.map(\.status) == ["TENTATIVE", "CANCELLED"])
    }

    @Test("hostile strings in the scenario read back with icalendar as the same text, with no extra property")
    func hostileStringsReadByPython() throws {
        let hostile = "X\r\nATTENDEE:mailto:x@evil; a, b \\ c 🏥"
        let readBack = "X\nATTENDEE:mailto:x@evil; a, b \\ c 🏥"
        var document = try ScenarioCoder.load(contentsOf: Self.fixtures.appendingPathComponent("scenario.json"))
        document.requests[0].patientRef = hostile
        document.sites[0].name = hostile
        document.sites[0].address = hostile
        document.specialists[0].name = hostile
        let scenarioFile = TelemedProcess.temporaryFile("hostile.json")
        try FileManager.default.createDirectory(
            at: scenarioFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScenarioCoder.encode(document).write(to: scenarioFile)
        let (result, out) = try Self.publish(scenario: scenarioFile.path)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try PythonFeedCheck.check(out)
        let event = try #require(report.feeds["specialist-S-01.ics"]?.events.first)
        #expect(event.summary == "Téléconsultation · Dermatologie · \(readBack)")
        #expect(event.location == "\(readBack), \(readBack), Clamecy")
        #expect(event.description?.contains("Patient : \(readBack)\n") == true)
        #expect(
            event.properties == [
                "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "LAST-MODIFIED", "LOCATION", "SEQUENCE", "STATUS",
                "SUMMARY", "UID", "URL",
            ])
        for (name, feed) in report.feeds {
            #expect(!feed.events.contains { $0.properties.contains("ATTENDEE") }, "\(name)")
        }
        #expect(report.feeds["specialist-S-01.ics"]?.calendar["x-wr-calname"] == "Séances · \(readBack)")
    }

    @Test("a unit stop screening a campaign's patients is named after it, with its categories, read by icalendar")
    func campaignStops() throws {
        let name = "Dépistage ECG; printemps, \\ Nièvre"
        var document = try ScenarioCoder.load(contentsOf: Self.fixtures.appendingPathComponent("scenario.json"))
        document.bookings = []
        document.add(
            Campaign(
                id: "C-ECG", name: name, kind: .screening, specialty: .cardiology, mode: .crew,
                period: document.horizon,
                targets: [CampaignTarget(siteId: "T-58-0001", patients: 5)], minutesPerPatient: 15,
                equipment: [.ecg]))
        let scenarioFile = TelemedProcess.temporaryFile("campaign.json")
        let planFile = TelemedProcess.temporaryFile("campaign-plan.json")
        try FileManager.default.createDirectory(
            at: scenarioFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScenarioCoder.encode(document).write(to: scenarioFile)
        let solved = try TelemedProcess.run(
            ["solve", scenarioFile.path, "--seed", "1", "--iterations", "50", "--out", planFile.path])
        #expect(solved.status == 0, "\(solved.standardError)")
        let (result, out) = try Self.publish(scenario: scenarioFile.path, plan: planFile.path)
        #expect(result.status == 0, "\(result.standardError)")
        let events = try #require(PythonFeedCheck.check(out).feeds["unit-U-58.ics"]).events
        let stops = events.filter { $0.summary?.contains("Campagne « \(name) »") == true }
        #expect(!stops.isEmpty, "\(events.compactMap(\.summary))")
        #expect(stops.allSatisfy { $0.categories == ["Campagne", "Dépistage"] })
        let patients = stops.compactMap(\.description).map { description in
            description.split(separator: "\n").first { $0.hasPrefix("Campagne") }.map(String.init) ?? ""
        }
        #expect(patients.allSatisfy { $0.hasSuffix("à cet arrêt") && $0.contains("(dépistage)") }, "\(patients)")
        let others = events.filter { $0.summary?.contains("Campagne") != true }
        #expect(others.allSatisfy { $0.categories.isEmpty })
    }

    @Test("travel legs are added on request; a plan naming an unknown site exits 1 and writes nothing")
    func optionsAndErrors() throws {
        let (withLegs, out) = try Self.publish(extra: ["--travel-legs"])
        #expect(withLegs.status == 0, "\(withLegs.standardError)")
        #expect(try PythonFeedCheck.check(out).feeds["unit-U-58.ics"]?.events.count == 8)

        var planDocument = try ScenarioCoder.decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: Self.plan)))
        planDocument.visits[0].siteId = "E-99-0000"
        let planFile = TelemedProcess.temporaryFile("plan.json")
        try FileManager.default.createDirectory(
            at: planFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScenarioCoder.encode(planDocument).write(to: planFile)
        let (failed, nothing) = try Self.publish(plan: planFile.path)
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("There is no site E-99-0000 in the scenario"))
        #expect(!FileManager.default.fileExists(atPath: nothing.path))
    }
}
