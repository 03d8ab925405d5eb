import Foundation
import Testing

@testable import TelemedCore

/// Scenarios beyond one region: metropolitan France (`--region all`) and any set of departments
/// (`--departments 21,58,71`), with counts derived from their communes.
@Suite("National and multi-department scenarios")
struct NationalScenarioTests {
    static let options = DemoRegionGenerator.Options(seed: 1, start: try! LocalDate("2027-03-01"), weeks: 1)

    @Test("metropolitan France: about 7,500 EHPADs weighted to the countryside, a unit per department, distinct ids")
    func wholeCountry() throws {
        let catalog = try CommuneDirectory.shipped().metropolitanCatalog()
        #expect(catalog.selection == "--region all" && !catalog.isOneRegion)
        #expect(catalog.departments.count == 96)
        let profile = RegionProfile.profile(for: catalog)
        #expect((7_000...8_000).contains(profile.ehpadCount), "\(profile.ehpadCount)")
        let scenario = try DemoRegionGenerator(catalog: catalog, profile: profile, options: Self.options).generate()
        let ehpads = scenario.sites.filter { $0.kind == .ehpad }
        #expect(ehpads.count == profile.ehpadCount)
        #expect((500...1_500).contains(scenario.sites.count - ehpads.count), "hundreds of town points")
        #expect(scenario.units.count == 96 && (900...1_500).contains(scenario.specialists.count))
        #expect(Set(scenario.specialists.map(\.id)).count == scenario.specialists.count, "S-1000 and on stay distinct")
        #expect(Set(scenario.units.map(\.id)).count == 96 && scenario.units.last?.id == "U-96")
        #expect(Set(scenario.sites.map(\.id)).count == scenario.sites.count)
        #expect(Set(scenario.requests.map(\.id)).count == scenario.requests.count)
        // Homes per inhabitant are denser in the rural Creuse (23) than in Paris (75).
        func perInhabitant(_ department: String) -> Double {
            let homes = ehpads.filter { $0.departmentCode == department }.count
            let people = catalog.communes.filter { $0.departmentCode == department }.reduce(0) { $0 + $1.population }
            return Double(homes) / Double(people)
        }
        #expect(perInhabitant("23") > 2 * perInhabitant("75"))
        #expect(scenario.name.hasPrefix("Territoire de démonstration France métropolitaine"))
        #expect(scenario.provenance?.contains("telemed scenario generate --region all --seed 1") == true)
    }

    @Test("departments across regions: only their communes, deterministic, and a valid scenario")
    func departments() throws {
        let directory = try CommuneDirectory.shipped()
        let catalog = try directory.catalog(departments: ["71", "21", "58", "21"])
        #expect(catalog.selection == "--departments 21,58,71")
        #expect(Set(catalog.communes.map(\.departmentCode)) == ["21", "58", "71"])
        let generate = {
            try DemoRegionGenerator(
                catalog: catalog, profile: RegionProfile.profile(for: catalog), options: Self.options
            ).generate()
        }
        let scenario = try generate()
        #expect(try ScenarioCoder.encode(scenario) == ScenarioCoder.encode(try generate()))
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        #expect(Set(scenario.sites.map(\.departmentCode)).isSubset(of: ["21", "58", "71"]))
        #expect(scenario.units.count == 3)
        let mixed = try directory.catalog(departments: ["21", "75"])
        #expect(Set(mixed.communes.map(\.regionCode)) == ["11", "27"])
        #expect(mixed.regionName == "Côte-d'Or et Paris")
    }

    @Test("an unknown, empty or overseas department is refused naming it", arguments: [["2C"], [], ["21", "971"]])
    func refused(codes: [String]) throws {
        #expect(throws: GenerationError.self) { try CommuneDirectory.shipped().catalog(departments: codes) }
    }

    @Test("ids keep their width in a region and grow past it instead of wrapping")
    func zeroPadded() {
        #expect(String(zeroPadded: 7, width: 3) == "007")
        #expect(String(zeroPadded: 1_042, width: 3) == "1042")
        #expect(String(zeroPadded: 0, width: 2) == "00")
    }
}
