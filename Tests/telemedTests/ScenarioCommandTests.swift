import Foundation
import TelemedCore
import Testing

@Suite("telemed scenario, run as a user would")
struct ScenarioCommandTests {
    static let demo = "Scenarios/bfc-demo.json"

    @Test("the shipped demo region validates and exits 0")
    func demoValidates() throws {
        let result = try TelemedProcess.run(["scenario", "validate", Self.demo])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("valid"))
    }

    @Test("a scenario with an unknown site, a negative duration and an inverted window exits 1 naming all three")
    func brokenScenarioListsEveryProblem() throws {
        let url = TelemedProcess.packageRoot.appendingPathComponent(Self.demo)
        var scenario = try ScenarioCoder.load(contentsOf: url)
        scenario.requests[12].siteId = "E-58-0042-unknown"
        scenario.requests[3].durationMinutes = -30
        scenario.sites[5].openingHours[0].end = try LocalTime("08:00")
        let broken = TelemedProcess.temporaryFile("broken.json")
        try FileManager.default.createDirectory(
            at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScenarioCoder.encode(scenario).write(to: broken)

        let result = try TelemedProcess.run(["scenario", "validate", broken.path])

        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("requests[12].siteId: unknown site \"E-58-0042-unknown\"") })
        #expect(lines.contains { $0.hasPrefix("requests[3].durationMinutes: duration must be positive") })
        #expect(lines.contains { $0.hasPrefix("sites[5].openingHours[0].end: window ends at 08:00") })
        #expect(lines.count == 3, "exactly the three planted problems: \(lines)")
    }

    /// The demo with unit U-01 limited to 5 min of driving a day: its Wednesday stop at T-58-0001
    /// is out of reach, a pinned fact the solver would keep and the checker reject.
    static func unreachableStopScenario() throws -> URL {
        var scenario = try ScenarioCoder.load(contentsOf: TelemedProcess.packageRoot.appendingPathComponent(demo))
        scenario.units[0].maxDrivingMinutesPerDay = 5
        let file = TelemedProcess.temporaryFile("unreachable-stop.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScenarioCoder.encode(scenario).write(to: file)
        return file
    }

    @Test("a recurring stop the unit cannot reach within its driving limit fails validation with exit 1")
    func unreachableStopFailsValidation() throws {
        let result = try TelemedProcess.run(["scenario", "validate", Self.unreachableStopScenario().path])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("units[0].recurringStops[0]: stopReachable: unit U-01 cannot reach T-58-0001")
                    && $0.contains("over its maximum of 5 min")
            }, "\(lines)")
        #expect(result.standardError.contains("1 problem"))
    }

    @Test("the demo's stops at town points closed that weekday are warnings, not problems")
    func closedSiteStopsAreWarnings() throws {
        let result = try TelemedProcess.run(["scenario", "validate", Self.demo])
        #expect(result.status == 0)
        let warnings = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.contains(": stopSiteOpen: unit U-") })
    }

    @Test("malformed JSON exits 1 with the reason")
    func malformedJSON() throws {
        let file = TelemedProcess.temporaryFile("bad.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"formatVersion\": 1, \"sites\": [".utf8).write(to: file)
        let result = try TelemedProcess.run(["scenario", "validate", file.path])
        #expect(result.status == 1)
        #expect(!result.standardOutput.isEmpty)
    }

    /// The shipped demos and the options they were generated with (docs/scenario-format.md).
    static let demos: [(file: String, options: [String])] = [
        ("Scenarios/bfc-demo.json", ["--region", "27", "--seed", "1", "--start", "2027-01-04", "--weeks", "4"]),
        ("Scenarios/idf-demo.json", ["--region", "11", "--seed", "1", "--start", "2027-01-04", "--weeks", "2"]),
        (
            "Scenarios/campaigns-demo.json",
            ["--region", "27", "--seed", "1", "--start", "2027-01-04", "--weeks", "6", "--programmes"]
        ),
    ]

    @Test("generating with a demo's options reproduces the committed demo byte for byte", arguments: demos)
    func generatorReproducesDemo(file: String, options: [String]) throws {
        let out = TelemedProcess.temporaryFile("demo.json")
        let result = try TelemedProcess.run(["scenario", "generate"] + options + ["--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let generated = try Data(contentsOf: out)
        let committed = try Data(contentsOf: TelemedProcess.packageRoot.appendingPathComponent(file))
        #expect(generated == committed, "regenerate \(file) if the generator changed on purpose")
    }

    @Test("a generated week of Île-de-France solves, and the plan checker accepts the plan")
    func otherRegionSolvesAndChecks() throws {
        let scenario = TelemedProcess.temporaryFile("idf-week.json")
        let plan = scenario.deletingLastPathComponent().appendingPathComponent("plan.json")
        let generate = try TelemedProcess.run([
            "scenario", "generate", "--region", "11", "--seed", "3", "--start", "2027-03-01", "--weeks", "1", "--out",
            scenario.path,
        ])
        #expect(generate.status == 0, "\(generate.standardError)")
        let solve = try TelemedProcess.run(["solve", scenario.path, "--iterations", "0", "--out", plan.path])
        #expect(solve.status == 0, "\(solve.standardError)")
        let check = try TelemedProcess.run(["check", scenario.path, plan.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("valid: served"))
        let stats = try TelemedProcess.run(["scenario", "stats", scenario.path])
        #expect(stats.standardOutput.contains("77 Seine-et-Marne"))
    }

    @Test(
        "an overseas region is refused saying its clocks are not Europe/Paris, an unknown one listing the valid ones",
        arguments: [
            ("01", ["region 01 (Guadeloupe) is overseas", "America/Guadeloupe", "in Europe/Paris"]),
            ("99", ["unknown region \"99\"", "11 Île-de-France, 24 Centre-Val de Loire, 27 Bourgogne-Franche-Comté"]),
        ])
    func refusedRegion(region: String, reasons: [String]) throws {
        let result = try TelemedProcess.run([
            "scenario", "generate", "--region", region, "--start", "2027-01-04", "--out", "-",
        ])
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty)
        for reason in reasons { #expect(result.standardError.contains(reason), "\(result.standardError)") }
    }

    @Test("--departments generates those departments only; with --region, or naming an unknown one, it exits 1")
    func departments() throws {
        let out = TelemedProcess.temporaryFile("departments.json")
        let result = try TelemedProcess.run([
            "scenario", "generate", "--departments", "58,89", "--start", "2027-03-01", "--weeks", "1", "--out",
            out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let scenario = try ScenarioCoder.load(contentsOf: out)
        #expect(Set(scenario.sites.map(\.departmentCode)) == ["58", "89"])
        #expect(scenario.provenance?.contains("--departments 58,89") == true)
        for (arguments, reason) in [
            (["--departments", "58", "--region", "27"], "give --region or --departments, not both"),
            (["--departments", "58,2C"], "unknown department \"2C\""),
        ] {
            let refused = try TelemedProcess.run(
                ["scenario", "generate"] + arguments + ["--start", "2027-03-01", "--out", "-"])
            #expect(refused.status != 0 && refused.standardOutput.isEmpty)
            #expect(refused.standardError.contains(reason), "\(refused.standardError)")
        }
    }

    @Test("stats prints region-scale counts per kind, department, specialty and urgency")
    func statsOnDemo() throws {
        let result = try TelemedProcess.run(["scenario", "stats", Self.demo])
        #expect(result.status == 0)
        let text = result.standardOutput
        #expect(text.contains("420 EHPADs"))
        #expect(text.contains("58 Nièvre"))
        #expect(text.contains("dermatology"))
        #expect(text.contains("urgent"))
    }

    @Test("stats --json decodes to the same figures the library computes")
    func statsJSON() throws {
        let result = try TelemedProcess.run(["scenario", "stats", "--json", Self.demo])
        #expect(result.status == 0)
        let decoded = try JSONDecoder().decode(ScenarioStatistics.self, from: Data(result.standardOutput.utf8))
        let scenario = try ScenarioCoder.load(contentsOf: TelemedProcess.packageRoot.appendingPathComponent(Self.demo))
        #expect(decoded == ScenarioStatistics(scenario))
    }

    @Test(
        "every command has complete help",
        arguments: [
            ["--help"], ["scenario", "--help"], ["scenario", "generate", "--help"], ["scenario", "validate", "--help"],
            ["scenario", "stats", "--help"],
        ])
    func help(arguments: [String]) throws {
        let result = try TelemedProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE:"))
        #expect(result.standardOutput.contains("OVERVIEW:") || result.standardOutput.contains("SUBCOMMANDS:"))
    }
}
