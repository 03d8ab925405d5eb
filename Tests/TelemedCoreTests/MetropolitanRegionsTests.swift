import Foundation
import Testing

@testable import TelemedCore

/// The shipped communes of every metropolitan region, the regions refused, the profiles derived
/// for the regions without a hand-made one, and catalogs taken from a scenario's sites.
@Suite("Metropolitan regions")
struct MetropolitanRegionsTests {
    static let metropolitan = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]

    @Test("every metropolitan commune ships with its department, region and intercommunality")
    func shippedData() throws {
        let directory = try CommuneDirectory.shipped()
        #expect(directory.communes.count == 34_731)
        #expect(directory.metropolitanRegions.map(\.code) == Self.metropolitan)
        #expect(directory.departments.count == 101)
        let paris = try #require(directory.communes.first { $0.inseeCode == "75056" })
        #expect(paris.regionCode == "11")
        #expect(paris.intercommunality == Intercommunality(siren: "200054781", name: "Métropole du Grand Paris"))
        let withoutOne = directory.communes.filter { $0.intercommunality == nil }.map(\.inseeCode)
        #expect(withoutOne == ["22016", "29083", "29155", "85113"], "the four islands that belong to no EPCI")
        #expect(Set(directory.communes.compactMap(\.intercommunality?.siren)).count == 1_230)
        // Mainland France and Corsica: the source's swapped or missing coordinates were left out.
        let outside = directory.communes.filter {
            !(41...51.2).contains($0.location.latitude) || !(-5.3...9.7).contains($0.location.longitude)
        }
        #expect(outside.isEmpty, "\(outside.prefix(3))")
    }

    @Test("every metropolitan region's catalog loads and its generated week validates", arguments: metropolitan)
    func regionGenerates(region: String) throws {
        let catalog = try CommuneCatalog.shipped(region: region)
        #expect(catalog.regionCode == region)
        #expect(!catalog.communes.isEmpty && catalog.communes.allSatisfy { $0.regionCode == region })
        #expect(!catalog.departments.isEmpty && catalog.departments.allSatisfy { $0.regionCode == region })
        let profile = RegionProfile.profile(for: catalog)
        #expect(profile.units.count == catalog.departments.count)
        let scenario = try DemoRegionGenerator(
            catalog: catalog, profile: profile, options: .init(seed: 1, start: try LocalDate("2027-01-04"), weeks: 1)
        ).generate()
        let issues = ScenarioValidator().validate(scenario)
        #expect(issues.isEmpty, "\(issues.prefix(5))")
        #expect(scenario.sites.filter { $0.kind == .ehpad }.count == profile.ehpadCount)
        #expect(scenario.units.count == profile.units.count)
        let codes = Set(catalog.communes.map(\.inseeCode))
        #expect(scenario.sites.allSatisfy { codes.contains($0.inseeCode) })
        #expect(try CommuneDirectory.shipped().regionCodes(of: scenario) == [region])
    }

    @Test(
        "an overseas region is refused because its clocks are not Europe/Paris",
        arguments: ["01", "02", "03", "04", "06"])
    func overseasRefused(region: String) throws {
        let error = #expect(throws: GenerationError.self) { try CommuneCatalog.shipped(region: region) }
        guard case .overseasRegion(let refused, let valid) = error else {
            Issue.record("expected an overseas refusal, got \(String(describing: error))")
            return
        }
        #expect(refused.code == region && refused.timeZone != "Europe/Paris")
        #expect(valid.count == 13)
        let message = error?.description ?? ""
        #expect(
            message.contains("is overseas") && message.contains(refused.timeZone) && message.contains("Europe/Paris"))
        #expect(throws: GenerationError.self) { try RegionProfile.shipped(region: region) }
    }

    @Test("an unknown region code is refused with the list of the metropolitan ones")
    func unknownRefused() {
        let error = #expect(throws: GenerationError.self) { try CommuneCatalog.shipped(region: "99") }
        let message = error?.description ?? ""
        #expect(message.contains("unknown region \"99\""))
        #expect(message.contains("11 Île-de-France") && message.contains("94 Corse"))
    }

    @Test(
        "Bourgogne-Franche-Comté keeps its hand-made profile, and deriving it from its communes gives back its counts")
    func referenceCalibration() throws {
        let catalog = try CommuneCatalog.shipped(region: "27")
        #expect(
            RegionProfile.profile(for: catalog).units.map(\.name)
                == RegionProfile.bourgogneFrancheComte.units.map(\.name))
        #expect(catalog.communes.reduce(0) { $0 + $1.population } == Int(RegionProfile.referencePopulation))
        let derived = RegionProfile.derived(from: catalog)
        #expect(derived.ehpadCount == 420)
        #expect(derived.townPointCount == 40)
        #expect(derived.specialists.map(\.1) == RegionProfile.bourgogneFrancheComte.specialists.map(\.1))
    }

    @Test(
        "a derived profile: one unit per department in its most populous commune, more homes per head in the countryside"
    )
    func derivedProfile() throws {
        let catalog = try CommuneCatalog.shipped(region: "11")
        let profile = RegionProfile.derived(from: catalog)
        #expect(profile.regionName == "Île-de-France")
        #expect(
            profile.units.map(\.depotInseeCode) == [
                "75056", "77284", "78646", "91228", "92012", "93066", "94081", "95018",
            ])
        #expect(profile.units[3].name == "Camion d'ophtalmologie d'Évry-Courcouronnes")
        #expect(profile.units[3].crew == .orthoptist)
        #expect(profile.units[1].depotName == "Centre hospitalier de Meaux")
        let shares = try #require(profile.ehpadShareByDepartment)
        #expect(abs(shares.values.reduce(0, +) - 1) < 1e-9)
        func population(_ department: String) -> Double {
            Double(catalog.communes.filter { $0.departmentCode == department }.reduce(0) { $0 + $1.population })
        }
        // Seine-et-Marne has villages, Hauts-de-Seine none: more homes per inhabitant in the first.
        #expect(shares["77"]! / population("77") > shares["92"]! / population("92"))
        #expect(profile.ehpadCount < 420 * 12_174_880 / 2_811_423)
        #expect(profile.specialists.allSatisfy { $0.1 >= 1 })
    }

    @Test("a scenario's sites give its regions; two regions give the union of their communes")
    func catalogOfScenario() throws {
        let directory = try CommuneDirectory.shipped()
        var scenario = try DemoRegionGenerator(
            catalog: try directory.catalog(regions: ["27"]), profile: .bourgogneFrancheComte,
            options: .init(seed: 1, start: try LocalDate("2027-01-04"), weeks: 1)
        ).generate()
        #expect(try directory.regionCodes(of: scenario) == ["27"])
        scenario.sites[0].inseeCode = "75056"
        let union = try directory.catalog(for: scenario)
        #expect(union.regionCode == "11+27")
        #expect(union.regionName == "Île-de-France et Bourgogne-Franche-Comté")
        #expect(union.communes.count == (try directory.catalog(regions: ["11"])).communes.count + 3_685)
        #expect(union.department("75")?.name == "Paris" && union.department("58")?.name == "Nièvre")

        scenario.sites[0].inseeCode = "97105"
        #expect(throws: GenerationError.self) { try directory.catalog(for: scenario) }
        scenario.sites[0].inseeCode = "99001"
        #expect(throws: GenerationError.unknownDepartment("99", site: scenario.sites[0].id.rawValue)) {
            try directory.catalog(for: scenario)
        }
        scenario.sites = []
        #expect(try directory.catalog(for: scenario).communes.isEmpty)
    }

    @Test("place names take the French \"of\" with elision before a vowel")
    func ofPlace() {
        #expect(RegionProfile.ofPlace("Meaux") == "de Meaux")
        #expect(RegionProfile.ofPlace("Évry-Courcouronnes") == "d'Évry-Courcouronnes")
        #expect(RegionProfile.ofPlace("Argenteuil") == "d'Argenteuil")
    }
}
