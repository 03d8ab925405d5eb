import Foundation
import TelemedTestSupport
import Testing

/// `telemed whatif` on the shipped examples, run as a user would: each runs, writes its three
/// files, and its figures move the expected way (directions only, not exact numbers). The CSV is
/// read by Python's csv module and the report by headless Chromium, neither of them telemed's code.
@Suite("telemed whatif, run as a user would")
struct WhatIfCommandTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Scenarios/whatif")

    /// The second-unit study, run once for the tests that only read its output.
    static let secondUnit = Result { try WhatIfRun("second-unit-saone-et-loire.json") }

    @Test("a second unit in Saône-et-Loire serves more requests there and in the region")
    func secondUnitServesMore() throws {
        let run = try Self.secondUnit.get()
        let (base, variant) = (run.document.variants[0], run.document.variants[1])
        #expect(variant.kpis.served > base.kpis.served)
        let before = try #require(run.served(variant: base.name, level: "department", code: "71"))
        let after = try #require(run.served(variant: variant.name, level: "department", code: "71"))
        #expect(after > before, "Saône-et-Loire: \(before) served before, \(after) after")
        #expect(run.html.contains("Saône-et-Loire"))
    }

    /// The region comes from the base scenario's sites: Île-de-France's communes, departments and
    /// populations, with no option saying so.
    @Test(
        "a second unit in Seine-et-Marne serves more there; the Île-de-France report takes its region from the scenario"
    )
    func secondUnitInIleDeFrance() throws {
        let run = try WhatIfRun("second-unit-seine-et-marne.json")
        let (base, variant) = (run.document.variants[0], run.document.variants[1])
        #expect(variant.kpis.served > base.kpis.served)
        let before = try #require(run.served(variant: base.name, level: "department", code: "77"))
        let after = try #require(run.served(variant: variant.name, level: "department", code: "77"))
        #expect(after > before, "Seine-et-Marne: \(before) served before, \(after) after")
        let region = try #require(run.csvRows.first { $0[0] == base.name && $0[1] == "region" })
        #expect(region[2] == "11" && region[3] == "Île-de-France" && region[4] == "12174880")
        #expect(run.html.contains("Seine-et-Marne") && run.html.contains("Île-de-France"))
    }

    /// The demo's eight cardiologists have slack, so the others absorb one departure (S-016's
    /// sessions move to them): the first variant must not serve more cardiology, the second, with
    /// two gone, must serve fewer or make patients wait longer, and each loss makes the rest busier.
    @Test("losing cardiologists never serves more cardiology; with two gone, fewer are served or they wait longer")
    func losingCardiologists() throws {
        let run = try WhatIfRun("losing-a-cardiologist.json")
        let variants = run.document.variants
        let cardiology = variants.map { $0.specialty("cardiology") }
        #expect(cardiology.dropFirst().allSatisfy { $0.served <= cardiology[0].served }, "\(cardiology)")
        let (base, twoGone) = (cardiology[0], cardiology[2])
        #expect(
            twoGone.served < base.served || twoGone.anyWaitLonger(than: base),
            "\(variants[2].name): \(twoGone) against \(base)")
        let ratios = variants.map { $0.kpis.specialistUtilisation.ratio ?? 0 }
        #expect(ratios[1] > ratios[0] && ratios[2] > ratios[1])
    }

    @Test("30 % more dermatology demand adds dermatology requests that wait longer or are served less often")
    func moreDermatology() throws {
        let run = try WhatIfRun("dermatology-plus-30.json")
        let (base, variant) = (run.document.variants[0], run.document.variants[1])
        let (before, after) = (base.specialty("dermatology"), variant.specialty("dermatology"))
        #expect(after.requests > before.requests)
        #expect(
            after.servedShare < before.servedShare || after.anyWaitLonger(than: before),
            "dermatology: \(after) against \(before)")
        #expect(variant.kpis.requests > base.kpis.requests)
    }

    /// A new site asks for care where none was asked before; a removed one, transferred, keeps the
    /// region's demand whole but one place fewer.
    @Test("a town point added at Château-Chinon brings its own requests; Bona removed sends its requests to Pazy")
    func newPlaces() throws {
        let run = try WhatIfRun("new-places-morvan.json")
        let (base, added, removed) = (run.document.variants[0], run.document.variants[1], run.document.variants[2])
        #expect(added.kpis.requests > base.kpis.requests)
        #expect(removed.kpis.requests == base.kpis.requests)
        let commune = { (variant: String) in
            run.csvRows.first { $0[0] == variant && $0[1] == "commune" && $0[2] == "58062" }.flatMap { Int($0[6]) }
        }
        #expect(commune(base.name) == nil)
        #expect(commune(added.name) == added.kpis.requests - base.kpis.requests)
        let bona = { (variant: String) in run.csvRows.contains { $0[0] == variant && $0[2] == "58035" } }
        #expect(bona(base.name) && !bona(removed.name))
        #expect(run.html.contains("Château-Chinon (Ville)"))
    }

    @Test("territories.csv parses with Python's csv module: header, one row per variant and territory, numbers")
    func csvParses() throws {
        let run = try Self.secondUnit.get()
        let parsed = try PythonCSVCheck.check(run.folder.appendingPathComponent("territories.csv"))
        let territories = try Self.territoriesOfDemoRegion()
        #expect(parsed.rows.count == run.document.variants.count * territories)
        #expect(parsed.rows.filter { $0.level == "region" }.map(\.variant) == run.document.variants.map(\.name))
        for row in parsed.rows where row.level == "region" {
            let variant = try #require(run.document.variants.first { $0.name == row.variant })
            #expect(row.requests == variant.kpis.requests && row.served == variant.kpis.served)
        }
        #expect(parsed.rows.allSatisfy { $0.served <= $0.requests && $0.sites > 0 })
    }

    /// The region, its departments and the communes hosting a site, counted from the scenario file.
    static func territoriesOfDemoRegion() throws -> Int {
        struct Scenario: Decodable {
            struct Site: Decodable { var inseeCode: String }
            var sites: [Site]
        }
        let data = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Scenarios/bfc-demo.json"))
        let sites = try JSONDecoder().decode(Scenario.self, from: data).sites
        // Every commune of Bourgogne-Franche-Comté has a two-digit department prefix.
        return 1 + Set(sites.map { $0.inseeCode.prefix(2) }).count + Set(sites.map(\.inseeCode)).count
    }

    @Test(
        "the report renders in headless Chromium: French text in the DOM, a non-empty screenshot",
        .enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
    func reportRendersInABrowser() throws {
        let run = try Self.secondUnit.get()
        let browser = try HeadlessChromium.required()
        let page = run.folder.appendingPathComponent("report.html")
        let dom = try browser.renderedDOM(of: page)
        for text in [
            "Ce qui change", "Indicateurs côte à côte", "Par territoire", "Écarts avec la référence",
            "Annexe : communes accueillant un lieu", "unité basée à Charolles", "Bourgogne-Franche-Comté",
        ] {
            #expect(dom.contains(text), "rendered report lacks “\(text)”")
        }
        #expect(dom.contains("<svg"))
        let png = try browser.screenshot(of: page, named: "whatif-report", height: 2400)
        #expect(png.count > 20_000, "a rendered report is more than a blank page (\(png.count) bytes)")
    }

    @Test("the same file, seed and iterations give the same kpis.json, byte for byte, with variants run in parallel")
    func reproducible() throws {
        let first = try Self.secondUnit.get()
        let second = try WhatIfRun("second-unit-saone-et-loire.json")
        #expect(first.kpisBytes == second.kpisBytes)
        #expect(first.csvBytes == second.csvBytes)
    }
}

/// One `telemed whatif` run with a short reproducible search, and what it wrote.
struct WhatIfRun {
    struct Document: Decodable {
        struct Variant: Decodable {
            struct KPIs: Decodable {
                struct Utilisation: Decodable { var ratio: Double? }
                var requests: Int
                var served: Int
                var specialistUtilisation: Utilisation
            }
            struct SpecialtyWait: Decodable {
                var specialty: String
                var urgency: String
                var requests: Int
                var served: Int
                var waitMedianDays: Double?
                var waitMeanDays: Double?
            }
            struct Region: Decodable { var requests: Int }
            var name: String
            var kpis: KPIs
            var region: Region
            var specialties: [SpecialtyWait]

            func specialty(_ name: String) -> SpecialtyFigures {
                let waits = specialties.filter { $0.specialty == name }
                return SpecialtyFigures(
                    requests: waits.reduce(0) { $0 + $1.requests }, served: waits.reduce(0) { $0 + $1.served },
                    waits: Dictionary(
                        waits.map { ($0.urgency, [$0.waitMedianDays, $0.waitMeanDays]) },
                        uniquingKeysWith: { a, _ in a }))
            }
        }
        var variants: [Variant]
    }

    /// One specialty's figures in one variant: counts over all urgencies, waits per urgency.
    struct SpecialtyFigures: CustomStringConvertible {
        var requests: Int
        var served: Int
        /// Median and mean wait in days, per urgency.
        var waits: [String: [Double?]]

        var servedShare: Double { requests == 0 ? 0 : Double(served) / Double(requests) }

        /// Some urgency's median or mean wait is longer than in `other`.
        func anyWaitLonger(than other: SpecialtyFigures) -> Bool {
            waits.contains { urgency, figures in
                zip(figures, other.waits[urgency] ?? []).contains { after, before in
                    guard let after, let before else { return false }
                    return after > before
                }
            }
        }

        var description: String { "\(served)/\(requests) served, median and mean waits \(waits)" }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    var folder: URL
    var document: Document
    var html: String
    var kpisBytes: Data
    var csvBytes: Data
    var csvRows: [[String]]

    init(_ file: String) throws {
        folder = TestPaths.temporaryFolder("whatif")
        let result = try TelemedProcess.run([
            "whatif", WhatIfCommandTests.folder.appendingPathComponent(file).path, "--iterations", "10", "--out",
            folder.path,
        ])
        guard result.status == 0, result.standardOutput.contains("référence") else {
            throw Failed(description: "telemed whatif \(file) exited \(result.status): \(result.standardError)")
        }
        kpisBytes = try Data(contentsOf: folder.appendingPathComponent("kpis.json"))
        document = try JSONDecoder().decode(Document.self, from: kpisBytes)
        csvBytes = try Data(contentsOf: folder.appendingPathComponent("territories.csv"))
        csvRows = String(decoding: csvBytes, as: UTF8.self).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        guard html.contains("<html lang=\"fr\">"), html.contains("<svg"), !html.contains("<script") else {
            throw Failed(description: "\(file): report.html is not the self-contained French page")
        }
    }

    /// `served` of a territory in a variant, from the CSV (names hold no comma in the demo region).
    func served(variant: String, level: String, code: String) -> Int? {
        csvRows.first { $0[0] == variant && $0[1] == level && $0[2] == code }.flatMap { Int($0[7]) }
    }
}
