import Foundation
import TelemedCore
import Testing

@Suite("A scenario with a routing-engine travel matrix")
struct TravelMatrixCommandTests {
    @Test("solve and check find a travel matrix next to the scenario, whatever the working folder")
    func matrixBesideScenario() throws {
        let fixture = TelemedProcess.packageRoot.appendingPathComponent(
            "Tests/TelemedCoreTests/Fixtures/small-scenario.json")
        var scenario = try ScenarioCoder.load(contentsOf: fixture)
        let places =
            scenario.units.map { ("depot:\($0.id.rawValue)", $0.depot.location) }
            + scenario.sites.map { ($0.id.rawValue, $0.location) }
        var csv = "from,to,minutes,kilometres\n"
        for (from, a) in places {
            for (to, b) in places where from != to {
                let kilometres = a.greatCircleKilometres(to: b) * 1.3
                csv += "\(from),\(to),\(kilometres * 1.1),\(kilometres)\n"
            }
        }
        scenario.travel = .matrix(matrixFile: "travel.csv", symmetric: false)
        let folder = TelemedProcess.temporaryFile("matrix")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent("travel.csv"))
        let scenarioFile = folder.appendingPathComponent("scenario.json")
        try ScenarioCoder.encode(scenario).write(to: scenarioFile)
        let planFile = folder.appendingPathComponent("plan.json")

        let solved = try TelemedProcess.run(["solve", scenarioFile.path, "--iterations", "10", "--out", planFile.path])
        #expect(solved.status == 0, "\(solved.standardError)")
        let checked = try TelemedProcess.run(["check", scenarioFile.path, planFile.path])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("travel.csv"))
        let missing = try TelemedProcess.run(["check", scenarioFile.path, planFile.path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("travel.csv"))
    }
}
