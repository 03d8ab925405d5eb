import Foundation
import Testing

@testable import TelemedCore

/// Care series in the scenario format: the link on each occurrence, the bare spec and its
/// expansion, validation with paths.
@Suite("Care series in the scenario format")
struct CareSeriesTests {
    static func fixture() throws -> Scenario { try ScenarioCoder.decode(UnknownFieldCheckTests.fixtureData()) }

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    /// The fixture (horizon 2027-01-04 … 2027-01-17) with its first request as a bare series.
    static func withSeries(count: Int = 3, gaps: (Int, Int) = (5, 8)) throws -> Scenario {
        var scenario = try fixture()
        scenario.requests[0].series = CareSeries(count: count, minGapDays: gaps.0, maxGapDays: gaps.1)
        return scenario
    }

    @Test("a bare spec expands into linked occurrences, each window moved by (k − 1) · minGapDays")
    func expansion() throws {
        let scenario = try Self.withSeries()
        let first = scenario.requests[0]
        let occurrences = first.expandingSeries()
        #expect(occurrences.map(\.id.rawValue) == ["R-0001-1", "R-0001-2", "R-0001-3"])
        #expect(occurrences.map { $0.series?.index } == [1, 2, 3])
        #expect(Set(occurrences.compactMap { $0.series?.id }) == ["S-R-0001"])
        #expect(occurrences.allSatisfy { $0.patientRef == first.patientRef && $0.siteId == first.siteId })
        #expect(occurrences.allSatisfy { $0.specialty == first.specialty && $0.mode == first.mode })
        #expect(occurrences.map(\.earliestDate) == [nil, Self.date("2027-01-09"), Self.date("2027-01-14")])
        let delays = scenario.urgencyDelays
        let due = first.dueDate(delays: delays)
        #expect(occurrences.map { $0.dueDate(delays: delays) } == [due, due.adding(days: 5), due.adding(days: 10)])
        // Expanding again changes nothing.
        #expect(occurrences.flatMap { $0.expandingSeries() } == occurrences)
    }

    @Test("a scenario expands in place and its booking of the bare request becomes the first occurrence's")
    func scenarioExpansion() throws {
        var scenario = try Self.withSeries()
        scenario.bookings = scenario.bookings.filter { $0.requestId != "R-0001" }
        let expanded = scenario.expandingSeries()
        #expect(expanded.requests.count == scenario.requests.count + 2)
        #expect(expanded.requests[3].id == scenario.requests[1].id)
        #expect(ScenarioValidator().validate(expanded).isEmpty)
        #expect(try Self.fixture().expandingSeries() == Self.fixture())
    }

    @Test("an occurrence's link reads and writes back; a request without a series writes no key")
    func coding() throws {
        let scenario = try Self.withSeries().expandingSeries()
        let written = try ScenarioCoder.encode(scenario)
        #expect(try ScenarioCoder.decode(written) == scenario)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.components(separatedBy: "\"series\"").count == 4)
        #expect(UnknownFieldCheck.issues(in: written).isEmpty)
        let plain = try Self.fixture()
        #expect(!String(decoding: try ScenarioCoder.encode(plain), as: UTF8.self).contains("\"series\""))
    }

    @Test("a misspelt series member is reported at its path")
    func unknownMember() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: ScenarioCoder.encode(Self.withSeries())) as? [String: Any])
        var requests = object["requests"] as! [[String: Any]]
        requests[0]["series"] = ["count": 3, "minGapDays": 5, "maxGapDay": 8]
        object["requests"] = requests
        let issues = UnknownFieldCheck.issues(in: try JSONSerialization.data(withJSONObject: object))
        #expect(
            issues.map(\.description) == ["requests[0].series.maxGapDay: unknown field; did you mean \"maxGapDays\"?"])
    }

    @Test("count, gaps and index out of range are reported at their paths")
    func ranges() throws {
        var scenario = try Self.withSeries(count: 53, gaps: (0, 400))
        scenario.requests[1].series = CareSeries(id: "S-X", index: 4, count: 3, minGapDays: 9, maxGapDays: 5)
        let messages = ScenarioValidator().validate(scenario).map(\.description)
        #expect(messages.contains("requests[0].series.count: a series has 2 to 52 occurrences, found 53"))
        #expect(messages.contains("requests[0].series.minGapDays: a gap between occurrences is 1 to 366 days, found 0"))
        #expect(
            messages.contains("requests[0].series.maxGapDays: a gap between occurrences is 1 to 366 days, found 400"))
        #expect(
            messages.contains(
                "requests[1].series.maxGapDays: maxGapDays 5 is below minGapDays 9; swap them or widen the gap"))
        #expect(messages.contains("requests[1].series.index: index 4 is outside 1…3, the series' count"))
    }

    @Test("occurrences of one series share patient, site, specialty and mode, and number 1…count once each")
    func occurrencesAgree() throws {
        var scenario = try Self.withSeries(count: 4).expandingSeries()
        // requests[0…3] are R-0001-1…4.
        scenario.requests[1].patientRef = "P-other"
        scenario.requests[2].siteId = "T-21-0001"
        scenario.requests[3].series?.index = 2
        let messages = ScenarioValidator().validate(scenario).map(\.description)
        #expect(
            messages.contains(
                "requests[1].patientRef: occurrences of series \"S-R-0001\" share their patientRef; this one differs "
                    + "from requests[0]"))
        #expect(messages.contains { $0.hasPrefix("requests[2].siteId: occurrences of series \"S-R-0001\" share") })
        #expect(
            messages.contains(
                "requests[3].series.index: occurrence 2 of series \"S-R-0001\" is already requests[1]; give each index "
                    + "once"))
        #expect(
            messages.contains("requests[0].series: series \"S-R-0001\" lacks occurrence 4 of 4; add it or lower count"))
    }

    @Test("a later occurrence may start after the horizon; a first one may not")
    func occurrencesAfterTheHorizon() throws {
        let scenario = try Self.withSeries(count: 3, gaps: (10, 12)).expandingSeries()
        #expect(scenario.requests[2].earliestDate == Self.date("2027-01-24"))
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        var late = scenario
        late.requests[0].earliestDate = Self.date("2027-01-20")
        #expect(
            ScenarioValidator().validate(late).map(\.path.description) == ["requests[0].earliestDate"])
    }
}
