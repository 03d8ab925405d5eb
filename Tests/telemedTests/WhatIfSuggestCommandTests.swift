import Foundation
import TelemedTestSupport
import Testing

/// `telemed whatif suggest`, run as a user would, on the Nièvre fixture (`Tests/Fixtures/siting`)
/// and on the demo region: it ranks candidates and writes its four files, and the top suggestion,
/// run again as a plain `telemed whatif` with the same seed and iterations, finds the same figures.
@Suite("telemed whatif suggest, run as a user would")
struct WhatIfSuggestCommandTests {
    static let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/siting/scenario.json")

    /// Depots on the fixture, run once for the tests that only read its output.
    static let depots = Result { try SuggestRun(scenario: fixture, add: "depot", candidates: 4, count: 2) }

    @Test(
        "depots: every candidate ranked in ranking.csv (read by Python's csv module) and ranking.json, the best in study.json and the French report"
    )
    func depotRanking() throws {
        let run = try Self.depots.get()
        let csv = try PythonTools.report("check_ranking_csv.py", reading: run.file("ranking.csv"), as: RankingCSV.self)
        #expect(csv.rows.count == run.ranking.candidates.count && !csv.rows.isEmpty)
        #expect(csv.rows.map(\.inseeCode) == run.ranking.candidates.map(\.candidate.commune.inseeCode))
        #expect(csv.rows.map(\.gainServedWithinDelay) == run.ranking.candidates.map(\.gain.servedWithinDelay))
        let gains = run.ranking.candidates.map(\.gain.servedWithinDelay)
        #expect(gains == gains.sorted(by: >), "more served within delay ranks first")
        #expect(run.ranking.candidates.allSatisfy { $0.candidate.unmetNearby > 0 })
        #expect(run.study.variants.map(\.name) == run.ranking.candidates.prefix(2).map(\.candidate.variant.name))
        #expect(run.study.base.hasSuffix("Tests/Fixtures/siting/scenario.json"))
        #expect(run.study.variants[0].description?.hasPrefix("Classée 1re sur") == true)
        let html = try String(contentsOf: run.file("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("Où baser une unité mobile de plus ?"))
        #expect(html.contains(run.study.variants[0].name) && html.contains("Classée 1re sur"))
        for best in run.ranking.candidates.prefix(2) {
            let sentence = "« \(best.candidate.variant.name) » : \(best.figures.served) demandes servies"
            #expect(html.contains(sentence), "the report shows each suggestion's own plan: \(sentence)")
        }
        #expect(run.standardOutput.contains(run.ranking.candidates[0].candidate.commune.name))
        let page = try String(contentsOf: run.file("ranking.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"fr\">") && page.contains("<svg") && !page.contains("<script"))
        #expect(page.contains("Comment les communes ont été choisies et classées"))
        #expect(page.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == run.ranking.candidates.count)
    }

    @Test("the top depot suggestion, run again as a what-if with the same seed and iterations, gives the same gain")
    func depotReproduces() throws {
        try Self.depots.get().expectTopSuggestionReproduces()
    }

    @Test("town points: each suggestion brings its own requests, and the top one reproduces as a what-if")
    func townPoints() throws {
        let run = try SuggestRun(scenario: Self.fixture, add: "townPoint", candidates: 3, count: 1)
        #expect(run.ranking.candidates.allSatisfy { $0.figures.newPlaceRequests > 0 })
        #expect(
            run.ranking.candidates.allSatisfy {
                $0.figures.requests == run.ranking.base.requests + $0.figures.newPlaceRequests
            })
        try run.expectTopSuggestionReproduces()
    }

    @Test("the same scenario, seed and iterations give the same ranking.json and study.json, byte for byte")
    func reproducibleRanking() throws {
        let first = try Self.depots.get()
        let second = try SuggestRun(scenario: Self.fixture, add: "depot", candidates: 4, count: 2)
        #expect(try Data(contentsOf: first.file("ranking.json")) == Data(contentsOf: second.file("ranking.json")))
        #expect(try Data(contentsOf: first.file("study.json")) == Data(contentsOf: second.file("study.json")))
        #expect(try Data(contentsOf: first.file("ranking.csv")) == Data(contentsOf: second.file("ranking.csv")))
    }

    /// The acceptance on the demo region, kept small for a debug build: two candidates.
    @Test("on the demo region, depots are ranked and the first, re-run as a what-if, gives the same gain")
    func demoRegion() throws {
        let demo = TestPaths.packageRoot.appendingPathComponent("Scenarios/bfc-demo.json")
        let run = try SuggestRun(scenario: demo, add: "depot", candidates: 2, count: 1, iterations: 5)
        #expect(run.ranking.candidates.count == 2)
        try run.expectTopSuggestionReproduces()
    }

    @Test("refused with the reason, writing nothing: an unknown kind, no count, a scenario whose travel is a matrix")
    func refusals() throws {
        let folder = TestPaths.temporaryFolder("suggest-refused")
        let unknown = try TelemedProcess.run([
            "whatif", "suggest", "--scenario", Self.fixture.path, "--add", "castle", "--out", folder.path,
        ])
        #expect(unknown.status != 0 && unknown.standardError.contains("castle"))
        let noCount = try TelemedProcess.run([
            "whatif", "suggest", "--scenario", Self.fixture.path, "--add", "depot", "--count", "0", "--out",
            folder.path,
        ])
        #expect(noCount.status != 0 && noCount.standardError.contains("--count must be at least 1"))
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture)) as! [String: Any]
        json["travel"] = ["model": "matrix", "matrixFile": "travel.csv"]
        let matrix = TestPaths.temporaryFolder("suggest-matrix").appendingPathComponent("scenario.json")
        try FileManager.default.createDirectory(
            at: matrix.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: json).write(to: matrix)
        let refused = try TelemedProcess.run([
            "whatif", "suggest", "--scenario", matrix.path, "--add", "townPoint", "--out", folder.path,
        ])
        #expect(
            refused.status == 1 && refused.standardError.contains("\"model\": \"greatCircle\""),
            "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    struct RankingCSV: Decodable {
        struct Row: Decodable {
            var rank: Int
            var inseeCode: String
            var gainServedWithinDelay: Int

            enum CodingKeys: String, CodingKey {
                case rank
                case inseeCode = "insee_code"
                case gainServedWithinDelay = "gain_served_within_delay"
            }
        }
        var rows: [Row]
    }
}

/// One `telemed whatif suggest` run with a short reproducible search, and what it wrote.
struct SuggestRun {
    struct Ranking: Decodable {
        struct Figures: Decodable, Equatable {
            var requests: Int
            var served: Int
            var servedWithinDelay: Int
            var unitKilometres: Double
            var newPlaceRequests: Int
        }
        struct Gain: Decodable {
            var servedWithinDelay: Int
            var unitKilometres: Double
        }
        struct Suggestion: Decodable {
            struct Candidate: Decodable {
                struct Commune: Decodable {
                    var inseeCode: String
                    var name: String
                }
                struct Variant: Decodable { var name: String }
                var commune: Commune
                var unmetNearby: Int
                var variant: Variant
            }
            var rank: Int
            var candidate: Candidate
            var figures: Figures
            var gain: Gain
        }
        var base: Figures
        var candidates: [Suggestion]
    }

    struct Study: Decodable {
        struct Variant: Decodable {
            var name: String
            var description: String?
        }
        var base: String
        var variants: [Variant]
    }

    struct KPIs: Decodable {
        struct Variant: Decodable {
            struct Figures: Decodable {
                var requests: Int
                var served: Int
                var late: Int
                var unitKilometres: Double
            }
            var name: String
            var kpis: Figures
        }
        var variants: [Variant]
    }

    var folder: URL
    var ranking: Ranking
    var study: Study
    var standardOutput: String
    let seed = "2"
    let iterations: String

    init(scenario: URL, add: String, candidates: Int, count: Int, iterations: Int = 30) throws {
        folder = TestPaths.temporaryFolder("suggest-\(add)")
        self.iterations = String(iterations)
        let result = try TelemedProcess.run([
            "whatif", "suggest", "--scenario", scenario.path, "--add", add, "--candidates", String(candidates),
            "--count", String(count), "--seed", seed, "--iterations", self.iterations, "--out", folder.path,
        ])
        guard result.status == 0 else {
            throw WhatIfRun.Failed(
                description: "telemed whatif suggest exited \(result.status): \(result.standardError)")
        }
        standardOutput = result.standardOutput
        ranking = try JSONDecoder().decode(
            Ranking.self, from: Data(contentsOf: folder.appendingPathComponent("ranking.json")))
        study = try JSONDecoder().decode(
            Study.self, from: Data(contentsOf: folder.appendingPathComponent("study.json")))
    }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// `telemed whatif DIR/study.json` with the same seed and iterations: the base and the top
    /// suggestion have the very figures the search measured, so the same gain.
    func expectTopSuggestionReproduces() throws {
        let again = folder.appendingPathComponent("again")
        let result = try TelemedProcess.run([
            "whatif", file("study.json").path, "--seed", seed, "--iterations", iterations, "--out", again.path,
        ])
        try #require(result.status == 0, "telemed whatif study.json exited \(result.status): \(result.standardError)")
        let kpis = try JSONDecoder().decode(
            KPIs.self, from: Data(contentsOf: again.appendingPathComponent("kpis.json")))
        let (base, top) = (kpis.variants[0].kpis, kpis.variants[1].kpis)
        let best = ranking.candidates[0]
        #expect(kpis.variants[1].name == best.candidate.variant.name)
        #expect(base.requests == ranking.base.requests && base.served == ranking.base.served)
        #expect(base.served - base.late == ranking.base.servedWithinDelay)
        #expect(base.unitKilometres == ranking.base.unitKilometres)
        #expect(top.requests == best.figures.requests && top.served == best.figures.served)
        #expect(top.served - top.late == best.figures.servedWithinDelay)
        #expect(top.unitKilometres == best.figures.unitKilometres)
        #expect((top.served - top.late) - (base.served - base.late) == best.gain.servedWithinDelay)
        #expect(top.unitKilometres - base.unitKilometres == best.gain.unitKilometres)
    }
}
