import Foundation
import Testing

/// `telemed whatif` on the shipped examples, run as a user would: each runs, writes its three
/// files, and its figures move the expected way (directions only, not exact numbers).
@Suite("telemed whatif, run as a user would")
struct WhatIfCommandTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios/whatif").standardized

    struct Document: Decodable {
        struct Variant: Decodable {
            struct KPIs: Decodable {
                struct Utilisation: Decodable { var ratio: Double? }
                var requests: Int
                var served: Int
                var specialistUtilisation: Utilisation
            }
            var name: String
            var kpis: KPIs
        }
        var variants: [Variant]
    }

    /// Runs a study with a short reproducible search; returns its kpis.json and territories.csv rows.
    static func run(_ file: String) throws -> (Document, [[String]], String) {
        let out = TelemedProcess.temporaryFile("whatif")
        let result = try TelemedProcess.run([
            "whatif", folder.appendingPathComponent(file).path, "--iterations", "10", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("référence"))
        let document = try JSONDecoder().decode(
            Document.self, from: Data(contentsOf: out.appendingPathComponent("kpis.json")))
        let csv = try String(contentsOf: out.appendingPathComponent("territories.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.allSatisfy { $0.count == rows[0].count }, "every CSV row has the header's columns")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("<svg") && !html.contains("<script"))
        return (document, rows, html)
    }

    /// `served` of a department in a variant, from the CSV.
    static func served(_ rows: [[String]], variant: String, department: String) -> Int? {
        rows.first { $0[0] == variant && $0[1] == "department" && $0[2] == department }.flatMap { Int($0[7]) }
    }

    @Test("a second unit in Saône-et-Loire serves more requests there and in the region")
    func secondUnit() throws {
        let (document, rows, html) = try Self.run("second-unit-saone-et-loire.json")
        let (base, variant) = (document.variants[0], document.variants[1])
        #expect(variant.kpis.served > base.kpis.served)
        let before = try #require(Self.served(rows, variant: base.name, department: "71"))
        let after = try #require(Self.served(rows, variant: variant.name, department: "71"))
        #expect(after > before)
        #expect(html.contains("Saône-et-Loire"))
    }

    @Test("losing cardiologists leaves the others busier, more so with two gone")
    func losingCardiologists() throws {
        let (document, _, _) = try Self.run("losing-a-cardiologist.json")
        let ratios = document.variants.map { $0.kpis.specialistUtilisation.ratio ?? 0 }
        #expect(ratios[1] > ratios[0] && ratios[2] > ratios[1])
    }

    @Test("30 % more dermatology demand adds requests, and more are served")
    func moreDermatology() throws {
        let (document, _, _) = try Self.run("dermatology-plus-30.json")
        let (base, variant) = (document.variants[0], document.variants[1])
        #expect(variant.kpis.requests > base.kpis.requests)
        #expect(variant.kpis.served > base.kpis.served)
    }
}
