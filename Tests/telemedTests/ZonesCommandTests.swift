import Foundation
import TelemedCore
import Testing

/// `telemed zones` run as a planner would, on a copy of the demo scenario and on a database.
@Suite("telemed zones, run as a planner would")
struct ZonesCommandTests {
    static let demo = TelemedProcess.packageRoot.appendingPathComponent("Scenarios/bfc-demo.json")

    static func file(_ name: String, _ text: String) throws -> URL {
        let url = TelemedProcess.temporaryFile(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Nevers, Clamecy and Château-Chinon (Ville) in the Nièvre; Montbard in the Côte-d'Or.
    static let zonesCSV =
        "\u{FEFF}insee_code;zone;kind\n58194;QPV Nevers;QPV\n58079;ZIP Morvan;ZIP\n58062;ZIP Morvan;ZIP\n"

    @Test("import into a scenario (to --out, then in place) and into a database; list shows them")
    func imports() throws {
        let csv = try Self.file("zones.csv", Self.zonesCSV)
        let scenario = csv.deletingLastPathComponent().appendingPathComponent("demo.json")
        try FileManager.default.copyItem(at: Self.demo, to: scenario)
        let out = csv.deletingLastPathComponent().appendingPathComponent("with-zones.json")
        let imported = try TelemedProcess.run([
            "zones", "import", csv.path, "--scenario", scenario.path, "--out", out.path,
        ])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardError.contains("2 zones added, 0 replaced (3 communes)"))
        let zoned = try ScenarioCoder.load(contentsOf: out)
        #expect(zoned.zones.map(\.name) == ["QPV Nevers", "ZIP Morvan"])
        #expect(try Data(contentsOf: scenario) == Data(contentsOf: Self.demo), "--out leaves the source alone")
        let inPlace = try TelemedProcess.run(["zones", "import", csv.path, "--scenario", scenario.path])
        #expect(inPlace.status == 0)
        #expect(try ScenarioCoder.load(contentsOf: scenario).zones == zoned.zones)
        let again = try TelemedProcess.run(["zones", "import", csv.path, "--scenario", scenario.path])
        #expect(again.standardError.contains("0 zones added, 2 replaced"))

        let db = csv.deletingLastPathComponent().appendingPathComponent("telemed.sqlite")
        #expect(try TelemedProcess.run(["db", "import", Self.demo.path, "--db", db.path]).status == 0)
        let stored = try TelemedProcess.run(["zones", "import", csv.path, "--db", db.path])
        #expect(stored.status == 0, "\(stored.standardError)")
        let listed = try TelemedProcess.run(["zones", "list", "--db", db.path])
        #expect(listed.standardOutput == "QPV\tQPV Nevers\t1 communes\nZIP\tZIP Morvan\t2 communes\n")
    }

    @Test("one unknown code: an error naming the file and the line, and the scenario and database unchanged")
    func unknownCode() throws {
        let csv = try Self.file("zones.csv", Self.zonesCSV + "75056;QPV Paris;QPV\n58999;ZIP Morvan;ZIP\n")
        let scenario = csv.deletingLastPathComponent().appendingPathComponent("demo.json")
        try FileManager.default.copyItem(at: Self.demo, to: scenario)
        let before = try Data(contentsOf: scenario)
        let refused = try TelemedProcess.run(["zones", "import", csv.path, "--scenario", scenario.path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("line 6: there is no commune 58999"), "\(refused.standardError)")
        #expect(refused.standardError.contains("nothing was imported"))
        #expect(try Data(contentsOf: scenario) == before)
        let db = csv.deletingLastPathComponent().appendingPathComponent("telemed.sqlite")
        #expect(try TelemedProcess.run(["db", "import", Self.demo.path, "--db", db.path]).status == 0)
        #expect(try TelemedProcess.run(["zones", "import", csv.path, "--db", db.path]).status != 0)
        #expect(try TelemedProcess.run(["zones", "list", "--db", db.path]).standardError.contains("No zones."))
    }

    @Test("the target is a scenario or a database, not both, not neither")
    func target() throws {
        let csv = try Self.file("zones.csv", Self.zonesCSV)
        for arguments in [
            [String](), ["--scenario", "a.json", "--db", "b.sqlite"], ["--db", "b.sqlite", "--out", "c.json"],
        ] {
            let result = try TelemedProcess.run(["zones", "import", csv.path] + arguments)
            #expect(result.status != 0, "\(arguments)")
        }
    }
}
