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

    /// The Île-de-France study with its agency's zones, run once, with `--pdf` when Chromium is there.
    static let ileDeFrance = Result {
        try WhatIfRun("second-unit-seine-et-marne.json", pdf: HeadlessChromium.found != nil)
    }

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
    /// populations, with no option saying so; the zones come from the study's zones file.
    @Test(
        "a second unit in Seine-et-Marne serves more there; the Île-de-France report takes its region from the scenario"
    )
    func secondUnitInIleDeFrance() throws {
        let run = try Self.ileDeFrance.get()
        let (base, variant) = (run.document.variants[0], run.document.variants[1])
        #expect(variant.kpis.served > base.kpis.served)
        let before = try #require(run.served(variant: base.name, level: "department", code: "77"))
        let after = try #require(run.served(variant: variant.name, level: "department", code: "77"))
        #expect(after > before, "Seine-et-Marne: \(before) served before, \(after) after")
        let region = try #require(run.csv.rows.first { $0.variant == base.name && $0.level == "region" })
        #expect(region.code == "11" && region.name == "Île-de-France" && region.population == 12_174_880)
        #expect(run.html.contains("Seine-et-Marne") && run.html.contains("Île-de-France"))
    }

    @Test("the Île-de-France territories.csv has EPCI rows and the agency's ZIP and QPV zones, read by Python")
    func ileDeFranceLevels() throws {
        let run = try Self.ileDeFrance.get()
        let base = run.csv.rows.filter { $0.variant == run.document.variants[0].name }
        let epcis = base.filter { $0.level == "epci" }
        #expect(epcis.count > 50, "\(epcis.count) EPCI rows")
        #expect(epcis.contains { $0.name == "Communauté de communes Bassée-Montois" })
        let zones = base.filter { $0.level == "zone" }
        #expect(
            zones.filter { $0.zoneKind == "ZIP" }.map(\.code) == ["ZIP Bassée-Montois", "ZIP Gâtinais Val de Loing"])
        #expect(zones.filter { $0.zoneKind == "QPV" }.count == 6)
        // A QPV is its whole commune: Clichy-sous-Bois's row and its zone's agree.
        let clichy = try #require(base.first { $0.level == "commune" && $0.code == "93014" })
        let qpv = try #require(zones.first { $0.code == "QPV Clichy-sous-Bois" })
        #expect(qpv.population == clichy.population && qpv.populationWithin30 == clichy.populationWithin30)
        #expect(run.html.contains("Un quartier prioritaire (QPV) est représenté par sa commune entière"))
    }

    @Test(
        "the Île-de-France report in headless Chromium: outlines, choropleths with their legends, zones; a PDF",
        .enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
    func ileDeFranceMapsInABrowser() throws {
        let run = try Self.ileDeFrance.get()
        let browser = try HeadlessChromium.required()
        let page = run.folder.appendingPathComponent("report.html")
        let dom = try browser.renderedDOM(of: page)
        for text in [
            "class=\"outline\"", "class=\"area\"", "class=\"legend\"", "class=\"zone\"",
            "Consultations pour 1\u{202F}000 habitants, par EPCI", "Habitants à plus de 30 min, par EPCI",
            "Les cinq territoires à l’accès le plus faible", "Seine-et-Marne (77)",
        ] {
            #expect(dom.contains(text), "rendered report lacks “\(text)”")
        }
        // Four maps (two per variant), each with the outlines of the eight departments.
        #expect(dom.components(separatedBy: "<path class=\"outline\"").count - 1 == 4 * 8)
        let png = try browser.screenshot(of: page, named: "whatif-idf-report", height: 3600)
        #expect(png.count > 50_000, "a report with maps is more than a blank page (\(png.count) bytes)")
        let pdf = try Data(contentsOf: run.folder.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 50_000, "\(pdf.count) bytes")
    }

    @Test("--pdf without Chromium on PATH is refused before any solving, saying how to install it")
    func pdfWithoutChromium() throws {
        let empty = TelemedProcess.temporaryFile("bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let folder = TelemedProcess.temporaryFile("out")
        let result = try TelemedProcess.run(
            [
                "whatif", Self.folder.appendingPathComponent("second-unit-seine-et-marne.json").path, "--iterations",
                "0",
                "--pdf", "--out", folder.path,
            ], environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--pdf needs headless Chromium"), "\(result.standardError)")
        #expect(result.standardError.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing written")
    }

    /// The demo's eight cardiologists have slack, so the others absorb one departure (S-016's
    /// sessions move to them). A short search is a heuristic: with a cardiologist fewer it may
    /// place one more cardiology request than the base plan did, but never at no cost: each
    /// variant serves no more without some patients waiting longer; with two gone, fewer are
    /// served or patients wait longer; and each loss makes the rest busier.
    @Test(
        "losing cardiologists never serves more cardiology at no cost; with two gone, fewer are served or they wait longer"
    )
    func losingCardiologists() throws {
        let run = try WhatIfRun("losing-a-cardiologist.json")
        let variants = run.document.variants
        let cardiology = variants.map { $0.specialty("cardiology") }
        let base = cardiology[0]
        #expect(
            cardiology.dropFirst().allSatisfy { $0.served <= base.served || $0.anyWaitLonger(than: base) },
            "\(cardiology)")
        let twoGone = cardiology[2]
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
        // Every commune has its row; only those hosting a site have requests or sites.
        let chateauChinon = { (variant: String) in run.territory(variant: variant, level: "commune", code: "58062") }
        #expect(chateauChinon(base.name)?.requests == 0 && chateauChinon(base.name)?.sites == 0)
        #expect(chateauChinon(added.name)?.requests == added.kpis.requests - base.kpis.requests)
        let bona = { (variant: String) in run.territory(variant: variant, level: "commune", code: "58035")?.sites }
        #expect((bona(base.name) ?? 0) > 0 && bona(removed.name) == 0)
        #expect(run.html.contains("Château-Chinon (Ville)"))
    }

    @Test(
        "territories.csv parses with Python's csv module: every level, each a partition of the region, the same rows per variant"
    )
    func csvParses() throws {
        let run = try Self.secondUnit.get()
        let rows = run.csv.rows
        let names = run.document.variants.map(\.name)
        #expect(rows.filter { $0.level == "region" }.map(\.variant) == names)
        for name in names {
            let variant = rows.filter { $0.variant == name }
            let region = try #require(variant.first { $0.level == "region" })
            let kpis = try #require(run.document.variants.first { $0.name == name }?.kpis)
            #expect(region.requests == kpis.requests && region.served == kpis.served)
            #expect(variant.count == rows.count / names.count)
            let departments = variant.filter { $0.level == "department" }
            let communes = variant.filter { $0.level == "commune" }
            let epcis = variant.filter { $0.level == "epci" }
            #expect(departments.map(\.code) == ["21", "25", "39", "58", "70", "71", "89", "90"])
            #expect(communes.count > 3_500 && epcis.count > 100, "\(communes.count) communes, \(epcis.count) EPCI")
            // Departments and communes each split the region: their sums are the region's.
            for level in [departments, communes] {
                #expect(level.reduce(0) { $0 + $1.served } == region.served)
                #expect(level.reduce(0) { $0 + ($1.population ?? 0) } == region.population)
                #expect(level.reduce(0) { $0 + ($1.populationWithin30 ?? 0) } == region.populationWithin30)
            }
            // Every commune of the region belongs to an EPCI: they split it too.
            #expect(epcis.reduce(0) { $0 + ($1.population ?? 0) } == region.population)
            let within30 = try #require(region.populationWithin30)
            let within45 = try #require(region.populationWithin45)
            let population = try #require(region.population)
            #expect(0 < within30 && within30 < within45 && within45 < population)
        }
        #expect(rows.allSatisfy { $0.served <= $0.requests })
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
    /// `territories.csv` as Python's csv module read it.
    var csv: PythonCSVCheck.Report

    init(_ file: String, pdf: Bool = false) throws {
        folder = TestPaths.temporaryFolder("whatif")
        let result = try TelemedProcess.run(
            [
                "whatif", WhatIfCommandTests.folder.appendingPathComponent(file).path, "--iterations", "10", "--out",
                folder.path,
            ] + (pdf ? ["--pdf"] : []))
        guard result.status == 0, result.standardOutput.contains("référence") else {
            throw Failed(description: "telemed whatif \(file) exited \(result.status): \(result.standardError)")
        }
        kpisBytes = try Data(contentsOf: folder.appendingPathComponent("kpis.json"))
        document = try JSONDecoder().decode(Document.self, from: kpisBytes)
        csvBytes = try Data(contentsOf: folder.appendingPathComponent("territories.csv"))
        csv = try PythonCSVCheck.check(folder.appendingPathComponent("territories.csv"))
        html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        guard html.contains("<html lang=\"fr\">"), html.contains("<svg"), !html.contains("<script") else {
            throw Failed(description: "\(file): report.html is not the self-contained French page")
        }
    }

    /// A territory's row in a variant, from the CSV.
    func territory(variant: String, level: String, code: String) -> PythonCSVCheck.Row? {
        csv.rows.first { $0.variant == variant && $0.level == level && $0.code == code }
    }

    /// `served` of a territory in a variant, from the CSV.
    func served(variant: String, level: String, code: String) -> Int? {
        territory(variant: variant, level: level, code: code)?.served
    }
}
