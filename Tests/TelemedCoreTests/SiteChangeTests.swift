import Foundation
import TelemedTestSupport
import Testing

@testable import TelemedCore

/// `addSite` and `removeSite` on the Nièvre fixture (`Tests/Fixtures/siting`).
@Suite("what-if: a site added in a commune or removed")
struct SiteChangeTests {
    static let fixture = Result {
        try ScenarioCoder.load(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/siting/scenario.json"))
    }

    /// Château-Chinon (Ville), which hosts no site of the fixture.
    static func townPoint(
        _ inseeCode: String = "58062", id: Site.ID? = nil, kind: Site.Kind = .townPoint, finess: String? = nil,
        beds: Int? = nil
    ) -> SiteInCommune {
        SiteInCommune(
            inseeCode: inseeCode, kind: kind, id: id, finess: finess, beds: beds,
            openingHours: [WeeklyWindow(day: .tuesday, start: try! LocalTime("09:00"), end: try! LocalTime("17:00"))],
            nurseHours: [WeeklyWindow(day: .tuesday, start: try! LocalTime("09:00"), end: try! LocalTime("12:00"))],
            equipment: [.videoCart])
    }

    static func variants(_ changes: [[WhatIfChange]], base: Scenario) throws(WhatIfError) -> [Scenario] {
        let study = WhatIfStudy(
            name: "sites", base: "",
            variants: changes.enumerated().map { WhatIfVariant(name: "variante \($0.offset)", changes: $0.element) })
        return try study.scenarios(base: base).dropFirst().map(\.scenario)
    }

    @Test("a town point added by its commune sits at the town hall, takes the next id and draws the profile's demand")
    func townPointInCommune() throws {
        let base = try Self.fixture.get()
        let scenario = try Self.variants([[.addSite(SiteAddition(.commune(Self.townPoint())))]], base: base)[0]
        let site = try #require(scenario.sites.last)
        #expect(site.id == "T-58-0009" && site.kind == .townPoint)
        #expect(site.commune == "Château-Chinon (Ville)" && site.departmentCode == "58")
        #expect(site.location == GeoPoint(latitude: 47.06459, longitude: 3.93256))
        #expect(site.name == "Point de consultation de Château-Chinon (Ville)")
        let added = scenario.requests.filter { $0.siteId == site.id }
        // Poisson draw around 7 a town point over four weeks (the profile's rate, the demo's horizon).
        #expect((2...15).contains(added.count), "\(added.count) requests")
        #expect(scenario.requests.count == base.requests.count + added.count)
        #expect(added.allSatisfy { $0.id.rawValue.hasPrefix("R-T-58-0009-") && $0.patientRef.hasPrefix("P-") })
        #expect(Set(added.map(\.patientRef)).isDisjoint(with: base.requests.map(\.patientRef)))
        #expect(ScenarioValidator().validate(scenario).isEmpty)
    }

    @Test("the same addSite draws the same requests wherever it stands in a study")
    func deterministicDemand() throws {
        let base = try Self.fixture.get()
        let add = WhatIfChange.addSite(SiteAddition(.commune(Self.townPoint(id: "T-58-0100"))))
        let scenarios = try Self.variants(
            [[add], [.scaleDemand(factor: 1.2, specialty: nil, department: nil), add], [add]], base: base)
        let requests = scenarios.map { scenario in scenario.requests.filter { $0.siteId == "T-58-0100" } }
        #expect(!requests[0].isEmpty)
        #expect(requests[1] == requests[0] && requests[2] == requests[0])
    }

    @Test("requestsPerFourWeeks sets a new site's demand, 0 none; an EHPAD's follows its beds")
    func demandRates() throws {
        let base = try Self.fixture.get()
        let scenarios = try Self.variants(
            [
                [.addSite(SiteAddition(.commune(Self.townPoint()), requestsPerFourWeeks: 0))],
                [.addSite(SiteAddition(.commune(Self.townPoint()), requestsPerFourWeeks: 40))],
                [
                    .addSite(
                        SiteAddition(.commune(Self.townPoint(kind: .ehpad, finess: "580009999", beds: 300))))
                ],
            ], base: base)
        let added = scenarios.map { $0.requests.count - base.requests.count }
        #expect(added[0] == 0)
        #expect((25...55).contains(added[1]), "\(added[1])")
        // 300 beds × 0.035 a bed over four weeks: about 10.
        #expect((3...20).contains(added[2]), "\(added[2])")
        #expect(
            scenarios[2].sites.last?.id == "E-58-0031"
                && scenarios[2].sites.last?.name == "EHPAD de Château-Chinon (Ville)")
    }

    @Test("a whole site as in a scenario is added as written")
    func wholeSite() throws {
        let base = try Self.fixture.get()
        var site = try #require(base.sites.first { $0.kind == .townPoint })
        site.id = "T-58-0200"
        site.name = "Maison de santé de Lormes"
        site.inseeCode = "58145"
        site.commune = "Lormes"
        let scenario = try Self.variants([[.addSite(SiteAddition(.site(site)))]], base: base)[0]
        #expect(scenario.sites.last == site)
        #expect(scenario.requests.contains { $0.siteId == "T-58-0200" })
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        var label: String
        var change: WhatIfChange
        var path: String
        var message: String
        var testDescription: String { label }
    }

    static let refusals: [Refusal] = [
        Refusal(
            label: "unknown commune", change: .addSite(SiteAddition(.commune(townPoint("99999")))),
            path: "inseeCode", message: "unknown commune \"99999\""),
        Refusal(
            label: "commune outside the scenario's region",
            change: .addSite(SiteAddition(.commune(townPoint("75056")))), path: "inseeCode",
            message:
                "lies in region 11 Île-de-France, outside the region(s) the base scenario plans (27 Bourgogne-Franche-Comté)"
        ),
        Refusal(
            label: "duplicate id", change: .addSite(SiteAddition(.commune(townPoint(id: "T-58-0001")))), path: "id",
            message: "site \"T-58-0001\" already exists"),
        Refusal(
            label: "an EHPAD without its FINESS number",
            change: .addSite(SiteAddition(.commune(townPoint(kind: .ehpad, beds: 80)))), path: "finess",
            message: "an EHPAD needs its FINESS number"),
        Refusal(
            label: "an EHPAD without beds",
            change: .addSite(SiteAddition(.commune(townPoint(kind: .ehpad, finess: "580009999")))), path: "beds",
            message: "an EHPAD needs its beds"),
        Refusal(
            label: "a demand rate out of range",
            change: .addSite(SiteAddition(.commune(townPoint()), requestsPerFourWeeks: -1)),
            path: "requestsPerFourWeeks", message: "must be between 0 and 1000"),
        Refusal(
            label: "removing an unknown site", change: .removeSite("T-58-0999", transferTo: nil), path: "siteId",
            message: "unknown site \"T-58-0999\""),
        Refusal(
            label: "transferring to an unknown site", change: .removeSite("T-58-0001", transferTo: "E-58-0999"),
            path: "transferTo", message: "unknown site \"E-58-0999\""),
        Refusal(
            label: "transferring to the removed site", change: .removeSite("T-58-0001", transferTo: "T-58-0001"),
            path: "transferTo", message: "cannot take its own requests"),
    ]

    @Test(
        "a bad addSite or removeSite is refused at its path with the reason, and changes nothing", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        let base = try Self.fixture.get()
        let error = #expect(throws: WhatIfError.self) { try Self.variants([[refusal.change]], base: base) }
        let issue = try #require(error?.issues.first)
        #expect(error?.issues.count == 1)
        #expect(issue.path.description == "variants[0].changes[0].\(refusal.path)", "\(issue)")
        #expect(issue.message.contains(refusal.message), "\(issue.message)")
        var scenario = base
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(!refusal.change.apply(to: &scenario, at: JSONPath(), random: &random).isEmpty)
        #expect(scenario == base)
    }

    @Test("removeSite takes the site out with its requests, their bookings and the units' recurring stops there")
    func removeSite() throws {
        var base = try Self.fixture.get()
        let request = try #require(base.requests.first { $0.siteId == "T-58-0001" })
        base.bookings = [
            Booking(
                id: "B-1", requestId: request.id, specialistId: nil, siteId: "T-58-0001",
                start: Date(timeIntervalSince1970: 1_799_000_000), end: Date(timeIntervalSince1970: 1_799_001_800),
                host: .siteEquipment, status: .confirmed)
        ]
        #expect(base.units.contains { $0.recurringStops.contains { $0.siteId == "T-58-0001" } })
        var scenario = base
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(
            WhatIfChange.removeSite("T-58-0001", transferTo: nil).apply(to: &scenario, at: JSONPath(), random: &random)
                .isEmpty)
        #expect(!scenario.sites.contains { $0.id == "T-58-0001" })
        #expect(!scenario.requests.contains { $0.siteId == "T-58-0001" })
        #expect(
            scenario.requests.count == base.requests.count - base.requests.filter { $0.siteId == "T-58-0001" }.count)
        #expect(scenario.bookings.isEmpty)
        #expect(!scenario.units.contains { $0.recurringStops.contains { $0.siteId == "T-58-0001" } })
    }

    @Test("removeSite with transferTo asks the site's requests at the other site instead")
    func removeSiteTransfers() throws {
        let base = try Self.fixture.get()
        let moved = base.requests.filter { $0.siteId == "T-58-0001" }.map(\.id)
        let scenario = try Self.variants([[.removeSite("T-58-0001", transferTo: "T-58-0002")]], base: base)[0]
        #expect(!moved.isEmpty && scenario.requests.count == base.requests.count)
        let byId = Dictionary(uniqueKeysWithValues: scenario.requests.map { ($0.id, $0) })
        #expect(moved.allSatisfy { byId[$0]?.siteId == "T-58-0002" })
    }

    @Test("addSite (both forms) and removeSite (with and without transferTo) read back as written")
    func roundTrip() throws {
        let base = try Self.fixture.get()
        let changes: [WhatIfChange] = [
            .addSite(SiteAddition(.commune(Self.townPoint(id: "T-58-0100")), requestsPerFourWeeks: 9.5)),
            .addSite(SiteAddition(.commune(Self.townPoint(kind: .ehpad, finess: "580009999", beds: 70)))),
            .addSite(SiteAddition(.site(base.sites[0]))),
            .removeSite("T-58-0001", transferTo: nil),
            .removeSite("T-58-0001", transferTo: "T-58-0002"),
        ]
        for change in changes {
            let data = try ScenarioCoder.encode(change)
            #expect(
                try ScenarioCoder.decode(WhatIfChange.self, from: data) == change,
                "\(String(decoding: data, as: UTF8.self))")
        }
        let written = """
            {"kind": "addSite", "inseeCode": "58062", "siteKind": "townPoint", "id": "T-58-0100",
             "openingHours": [{"day": "tuesday", "start": "09:00", "end": "17:00"}],
             "nurseHours": [{"day": "tuesday", "start": "09:00", "end": "12:00"}], "equipment": ["videoCart"],
             "requestsPerFourWeeks": 9.5}
            """
        #expect(try ScenarioCoder.decode(WhatIfChange.self, from: Data(written.utf8)) == changes[0])
    }

    @Test("an addSite with both a site and an inseeCode, or neither, or an unknown siteKind, is refused when read")
    func malformed() throws {
        let site = String(decoding: try ScenarioCoder.encode(try Self.fixture.get().sites[0]), as: UTF8.self)
        for (json, words) in [
            (
                #"{"kind": "addSite", "inseeCode": "58062", "siteKind": "townPoint", "openingHours": [], "site": \#(site)}"#,
                "not both"
            ),
            (#"{"kind": "addSite"}"#, "needs a \"site\""),
            (#"{"kind": "addSite", "inseeCode": "58062", "siteKind": "castle", "openingHours": []}"#, "castle"),
        ] {
            let error = #expect(throws: ScenarioDecodingError.self) {
                try ScenarioCoder.decode(WhatIfChange.self, from: Data(json.utf8))
            }
            #expect(error?.description.contains(words) == true, "\(error?.description ?? "")")
        }
    }
}
