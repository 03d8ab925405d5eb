import Foundation
import TelemedTestSupport
import Testing

@testable import TelemedCore

/// The zones file an agency publishes, read as `telemed zones import` reads it.
@Suite("Zones from CSV")
struct ZoneCSVTests {
    static let known: Set<String> = ["58079", "58145", "58194", "21603", "89025", "2A004"]

    static func read(_ text: String) throws(ZoneImportError) -> [Zone] {
        try ZoneCSV.read(text) { known.contains($0) }
    }

    static let valid = """
        insee_code,zone,kind
        58079,ZIP Morvan,ZIP
        58145,ZIP Morvan,ZIP
        21603,ZAC Auxois,ZAC
        58194,QPV Nevers,QPV
        89025,ZIP Morvan,ZIP
        """

    @Test("rows group into zones in the order of their first row, communes in file order")
    func grouping() throws {
        let zones = try Self.read(Self.valid)
        #expect(
            zones == [
                Zone(name: "ZIP Morvan", kind: .priorityIntervention, communes: ["58079", "58145", "89025"]),
                Zone(name: "ZAC Auxois", kind: .complementaryAction, communes: ["21603"]),
                Zone(name: "QPV Nevers", kind: .cityPolicyNeighbourhood, communes: ["58194"]),
            ])
    }

    @Test("semicolons, a byte-order mark, CRLF, spaces and quoted names read the same")
    func spreadsheetExport() throws {
        let french = "\u{FEFF}insee_code;zone;kind\r\n58079 ; \"ZIP Morvan\";ZIP\r\n58145;ZIP Morvan;ZIP\r\n"
        #expect(try Self.read(french) == [Zone(name: "ZIP Morvan", kind: "ZIP", communes: ["58079", "58145"])])
        let reordered = "kind,insee_code,zone\ncustom,2A004,\"Secteur Ajaccio, sud\"\n"
        #expect(try Self.read(reordered) == [Zone(name: "Secteur Ajaccio, sud", kind: .custom, communes: ["2A004"])])
    }

    @Test("an unknown commune is reported with its line, and nothing is imported")
    func unknownCode() {
        let text = Self.valid + "\n99999,ZIP Morvan,ZIP\n58145,ZAC Auxois,ZAC"
        #expect(throws: ZoneImportError(problems: ["line 7: there is no commune 99999 in the shipped communes"])) {
            try Self.read(text)
        }
    }

    @Test(
        "every broken row is reported with its line",
        arguments: [
            ("58079,ZIP Morvan,ZIP\n", "line 1: the header must name the columns insee_code, zone and kind"),
            ("insee_code,zone,kind\n", "the file has a header but no rows"),
            ("insee_code,zone,kind\n5807,ZIP,ZIP\n", "line 2: \"5807\" is not an INSEE commune code"),
            ("insee_code,zone,kind\n58079,,ZIP\n", "line 2: the zone needs a name"),
            ("insee_code,zone,kind\n58079,Z,zone prioritaire\n", "line 2: \"zone prioritaire\" is not a zone kind"),
            ("insee_code,zone,kind\n58079,Z,ZIP\n58145,Z,ZAC\n", "line 3: zone \"Z\" is ZAC here but ZIP on line 2"),
            ("insee_code,zone,kind\n58079,Z,ZIP\n58079,Z,ZIP\n", "line 3: commune 58079 is listed twice in zone \"Z\""),
            ("insee_code,zone,kind\n58079,\"Z\r\nBcc\",ZIP\n", "line 2: the zone needs a name of 1 to 200 characters"),
            ("insee_code,zone,kind\n58079,\"Z,ZIP\n", "a quote opens a field that never closes"),
        ])
    func brokenRows(text: String, message: String) {
        do {
            _ = try Self.read(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.problems.contains { $0.hasPrefix(message) || $0.contains(message) }, "\(error.problems)")
        }
    }

    @Test("quotes and SQL in a name stay text")
    func hostileName() throws {
        let zones = try Self.read("insee_code,zone,kind\n58079,\"Robert'); DROP TABLE zones;--\"\"\",custom\n")
        #expect(zones.first?.name == "Robert'); DROP TABLE zones;--\"")
        #expect(ScenarioValidator().validate(zones: zones).isEmpty)
    }

    @Test("mutated files are read into valid zones or refused with lines, never a crash")
    func mutations() {
        var (read, refused) = (0, 0)
        for (index, variant) in SeededMutations(of: Self.valid, seed: 19, count: 500).enumerated() {
            do {
                let zones = try Self.read(variant)
                read += 1
                #expect(ScenarioValidator().validate(zones: zones).isEmpty, "variant \(index): \(zones)")
                #expect(zones.allSatisfy { $0.communes.allSatisfy(Self.known.contains) }, "variant \(index)")
            } catch {
                refused += 1
                #expect(!error.problems.isEmpty, "variant \(index)")
            }
        }
        #expect(read > 0 && refused > 0, "read \(read), refused \(refused)")
    }

    @Test("zones replace those of the same name and keep the others in order")
    func replacing() {
        let current = [
            Zone(name: "A", kind: "ZIP", communes: ["58079"]), Zone(name: "B", kind: "ZAC", communes: ["58145"]),
        ]
        let merged = Zone.replacing(
            current,
            with: [
                Zone(name: "C", kind: "QPV", communes: ["58194"]), Zone(name: "A", kind: "ZIP", communes: ["21603"]),
            ])
        #expect(merged.map(\.name) == ["A", "B", "C"])
        #expect(merged[0].communes == ["21603"])
    }

    @Test("a scenario's zones are validated: names once, kinds, codes once each")
    func validation() throws {
        let zones = [
            Zone(name: "A", kind: "ZIP", communes: ["58079", "58079"]), Zone(name: "A", kind: "Z I P", communes: []),
        ]
        let paths = ScenarioValidator().validate(zones: zones).map(\.path.description)
        #expect(paths == ["zones[0].communes[1]", "zones[1].name", "zones[1].kind", "zones[1].communes"])
        var scenario = try SmallScenario.load()
        scenario.zones = zones
        #expect(ScenarioValidator().validate(scenario).map(\.path.description) == paths)
    }

    @Test("zones travel in the scenario file, and a file without them reads and writes as before")
    func coding() throws {
        var scenario = try SmallScenario.load()
        #expect(scenario.zones.map(\.name) == ["ZIP Morvan"] && scenario.weights.zoneFairness == ["ZIP": 0.5])
        scenario.zones = []
        scenario.weights.zoneFairness = [:]
        let bare = String(decoding: try ScenarioCoder.encode(scenario), as: UTF8.self)
        #expect(!bare.contains("\"zones\"") && !bare.contains("zoneFairness"), "absent when empty")
        scenario.zones = try Self.read(Self.valid)
        let data = try ScenarioCoder.encode(scenario)
        #expect(try ScenarioCoder.decode(data).zones == scenario.zones)
        #expect(UnknownFieldCheck.issues(in: data).isEmpty)
    }
}
