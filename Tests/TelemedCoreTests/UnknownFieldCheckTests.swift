import Foundation
import Testing

@testable import TelemedCore

@Suite("Unknown fields in scenario files")
struct UnknownFieldCheckTests {
    static func fixtureData() throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "small-scenario", withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    static func mutated(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: fixtureData()) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("the documented example and everything the encoder writes use only known fields")
    func knownFieldsCoverTheFormat() throws {
        let data = try Self.fixtureData()
        #expect(UnknownFieldCheck.issues(in: data).isEmpty)
        var scenario = try ScenarioCoder.decode(data)
        scenario.travel = .matrix(matrixFile: "travel.csv", symmetric: true)
        #expect(UnknownFieldCheck.issues(in: try ScenarioCoder.encode(scenario)).isEmpty)
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Scenarios/bfc-demo.json")
        #expect(UnknownFieldCheck.issues(in: try Data(contentsOf: demo)).isEmpty)
    }

    @Test("a misspelt site field is reported at its path with the field it probably means")
    func misspeltSiteField() throws {
        let data = try Self.mutated { object in
            var sites = object["sites"] as! [[String: Any]]
            sites[1]["nurseHour"] = sites[1].removeValue(forKey: "nurseHours") ?? []
            object["sites"] = sites
        }
        let issues = UnknownFieldCheck.issues(in: data)
        #expect(issues.map(\.description) == ["sites[1].nurseHour: unknown field; did you mean \"nurseHours\"?"])
    }

    @Test("nested and top-level unknown fields are reported; far-off names get no guess")
    func nestedAndTopLevel() throws {
        let data = try Self.mutated { object in
            var units = object["units"] as! [[String: Any]]
            var lunch = units[0]["lunchBreak"] as! [String: Any]
            lunch["minute"] = lunch.removeValue(forKey: "minutes")
            units[0]["lunchBreak"] = lunch
            object["units"] = units
            object["colour"] = "blue"
        }
        let lines = UnknownFieldCheck.issues(in: data).map(\.description)
        #expect(lines.contains("units[0].lunchBreak.minute: unknown field; did you mean \"minutes\"?"))
        #expect(lines.contains("colour: unknown field"))
        #expect(lines.count == 2)
    }

    @Test("edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(UnknownFieldCheck.editDistance("rooms", "rooms") == 0)
        #expect(UnknownFieldCheck.editDistance("room", "rooms") == 1)
        #expect(UnknownFieldCheck.editDistance("nurseHour", "nurseHours") == 1)
        #expect(UnknownFieldCheck.editDistance("kind", "mode") == 4)
        #expect(UnknownFieldCheck.editDistance("", "abc") == 3)
    }
}
