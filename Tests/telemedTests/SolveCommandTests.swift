import Foundation
import TelemedCore
import Testing

/// `telemed solve`, `check` and `explain` on the demo region, run as a user would.
@Suite("telemed solve, check and explain, run as a user would")
struct SolveCommandTests {
    static let demo = "Scenarios/bfc-demo.json"

    /// One construction-only solve of the demo shared by the tests that only read its plan.
    static let demoPlan: Result<URL, SolveFailure> = solveDemo(seed: 7)

    struct SolveFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func solveDemo(seed: Int) -> Result<URL, SolveFailure> {
        let out = TelemedProcess.temporaryFile("plan.json")
        let kpis = out.deletingLastPathComponent().appendingPathComponent("kpis.json")
        do {
            let result = try TelemedProcess.run([
                "solve", demo, "--seed", "\(seed)", "--iterations", "0", "--time-limit", "30", "--out", out.path,
                "--kpis", kpis.path,
            ])
            guard result.status == 0 else { return .failure(SolveFailure(description: result.standardError)) }
            return .success(out)
        } catch {
            return .failure(SolveFailure(description: "\(error)"))
        }
    }

    static func plan(at url: URL) throws -> Plan {
        try ScenarioCoder.makeDecoder().decode(Plan.self, from: Data(contentsOf: url))
    }

    @Test("solving the demo writes a plan and its KPIs that `check` accepts with exit 0")
    func solveThenCheck() throws {
        let planURL = try Self.demoPlan.get()
        let kpis = try JSONSerialization.jsonObject(
            with: Data(contentsOf: planURL.deletingLastPathComponent().appendingPathComponent("kpis.json")))
        let served = try #require((kpis as? [String: Any])?["served"] as? Int)
        #expect(served == (try Self.plan(at: planURL)).bookings.filter { $0.status != .cancelled }.count)

        let check = try TelemedProcess.run(["check", Self.demo, planURL.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("valid: served"))
        #expect(check.standardOutput.contains("Served \(served) of"))
        #expect(check.standardOutput.contains("urgency"))
    }

    @Test("solving a scenario with an unreachable recurring stop is refused with a non-zero exit and the reason")
    func unreachableStopIsRefused() throws {
        let out = TelemedProcess.temporaryFile("refused-plan.json")
        let result = try TelemedProcess.run([
            "solve", ScenarioCommandTests.unreachableStopScenario().path, "--iterations", "0", "--out", out.path,
        ])
        #expect(result.status != 0)
        #expect(
            result.standardError.contains(
                "units[0].recurringStops[0]: stopReachable: unit U-01 cannot reach T-58-0001"),
            "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("the KPI summary goes to standard error, and no progress line when it is not a terminal")
    func summaryOnStandardError() throws {
        let result = try TelemedProcess.run([
            "solve", Self.demo, "--iterations", "0", "--time-limit", "30", "--out", "-",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("{"))  // the plan itself
        #expect(result.standardError.contains("Served "))
        #expect(result.standardError.contains("median wait d"))
        #expect(result.standardError.contains("unassigned because of"))
        #expect(!result.standardError.contains("\r"))
    }

    @Test("two runs with the same seed and iterations write byte-identical plans")
    func sameSeedSamePlan() throws {
        let first = try Self.demoPlan.get()
        let second = try Self.solveDemo(seed: 7).get()
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test("explain shows a served request's booking in Paris time, and its unit route when a unit hosts it")
    func explainServed() throws {
        let planURL = try Self.demoPlan.get()
        let plan = try Self.plan(at: planURL)
        let booking = try #require(plan.bookings.first { $0.host.unitId != nil })
        let result = try TelemedProcess.run(["explain", Self.demo, planURL.path, booking.requestId.rawValue])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        #expect(text.contains("Request \(booking.requestId)"))
        #expect(text.contains("Booked: \(booking.id)"))
        #expect(text.contains(try #require(booking.specialistId).rawValue))
        #expect(text.contains("Europe/Paris"))
        let local = WallClock.paris
        #expect(
            text.contains("\(local.localDate(of: booking.start)) (")
                && text.contains("\(local.localTime(of: booking.start))–"))
        #expect(text.contains("Route of \(booking.host.unitId!)"))
        #expect(text.contains("◀ this request"))
        #expect(!text.contains("Unassigned"))
    }

    @Test("explain names an unassigned request's constraint and reason, with what a planner could change")
    func explainUnassigned() throws {
        let planURL = try Self.demoPlan.get()
        let plan = try Self.plan(at: planURL)
        let scenario = try ScenarioCoder.load(contentsOf: TelemedProcess.packageRoot.appendingPathComponent(Self.demo))
        let unassigned = try #require(plan.unassigned.first, "the demo leaves some requests out")
        let result = try TelemedProcess.run(["explain", Self.demo, planURL.path, unassigned.requestId.rawValue])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Unassigned: \(unassigned.constraint)"))
        #expect(result.standardOutput.contains(unassigned.reason))
        #expect(result.standardOutput.contains("What a planner could change:"))
        // The patient appears by reference only, never with another patient field.
        let request = try #require(scenario.requests.first { $0.id == unassigned.requestId })
        let patientLine = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  patient ") }
        #expect(patientLine?.hasSuffix(" \(request.patientRef)") == true)

        let equipment = try #require(plan.unassigned.first { $0.constraint == .equipmentAvailable })
        let advice = try TelemedProcess.run(["explain", Self.demo, planURL.path, equipment.requestId.rawValue])
        #expect(advice.standardOutput.contains("km to site"))
    }

    @Test("explain with an unknown request id exits 1 naming the id")
    func explainUnknownRequest() throws {
        let planURL = try Self.demoPlan.get()
        let result = try TelemedProcess.run(["explain", Self.demo, planURL.path, "R-NOT-THERE"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no request with id \"R-NOT-THERE\""))
    }

    @Test(
        "bad input exits non-zero with a clear message",
        arguments: [
            (["solve", "Scenarios/does-not-exist.json"], "cannot read"),
            (["solve", demo, "--time-limit", "-1"], "--time-limit must be a positive number"),
            (["solve", demo, "--iterations", "-2"], "--iterations cannot be negative"),
            (["check", demo, "Scenarios/does-not-exist.json"], "cannot read"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let result = try TelemedProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("a malformed scenario or plan file exits non-zero saying it is not valid JSON")
    func malformedJSON() throws {
        let file = TelemedProcess.temporaryFile("bad.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"formatVersion\": 1, \"sites\": [".utf8).write(to: file)
        let solve = try TelemedProcess.run(["solve", file.path, "--out", file.path + ".plan"])
        #expect(solve.status != 0)
        #expect(
            solve.standardError.contains("\(file.path): The given data was not valid JSON"), "\(solve.standardError)")
        let explain = try TelemedProcess.run(["explain", Self.demo, file.path, "R-00001"])
        #expect(explain.status != 0)
        #expect(explain.standardError.contains("not a plan document"), "\(explain.standardError)")
    }
}
