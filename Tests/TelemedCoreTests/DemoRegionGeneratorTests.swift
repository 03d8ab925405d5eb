import Foundation
import Testing

@testable import TelemedCore

@Suite("Demo region generator")
struct DemoRegionGeneratorTests {
    static let catalog = try! CommuneCatalog.shipped(region: "27")

    static func generate(seed: UInt64, weeks: Int = 4) throws -> Scenario {
        try DemoRegionGenerator(
            catalog: catalog, profile: .bourgogneFrancheComte,
            options: .init(seed: seed, start: try LocalDate("2027-01-04"), weeks: weeks)
        ).generate()
    }

    @Test("the shipped communes of Bourgogne-Franche-Comté load with their eight departments")
    func catalogLoads() {
        #expect(Self.catalog.communes.count == 3685)
        #expect(Self.catalog.departments.map(\.code) == ["21", "25", "39", "58", "70", "71", "89", "90"])
        #expect(Self.catalog.commune("58194")?.name == "Nevers")
        #expect(Self.catalog.communes.reduce(0) { $0 + $1.population } == 2_811_423)
    }

    @Test("the same seed gives the same bytes, another seed another region")
    func determinism() throws {
        let first = try ScenarioCoder.encode(try Self.generate(seed: 7))
        let second = try ScenarioCoder.encode(try Self.generate(seed: 7))
        let other = try ScenarioCoder.encode(try Self.generate(seed: 8))
        #expect(first == second)
        #expect(first != other)
    }

    @Test("generated regions validate without a single issue", arguments: [(1, 4), (2, 1), (3, 8)])
    func generatedRegionsValidate(seed: Int, weeks: Int) throws {
        let scenario = try Self.generate(seed: UInt64(seed), weeks: weeks)
        let issues = ScenarioValidator().validate(scenario)
        #expect(issues.isEmpty, "\(issues.prefix(5))")
        #expect(scenario.horizon.start.days(to: scenario.horizon.end) == 7 * weeks - 1)
    }

    @Test("sites sit in real communes of the region: EHPADs where people live, town points in small remote ones")
    func sitesInRealCommunes() throws {
        let scenario = try Self.generate(seed: 1)
        let byCode = Dictionary(uniqueKeysWithValues: Self.catalog.communes.map { ($0.inseeCode, $0) })
        let ehpads = scenario.sites.filter { $0.kind == .ehpad }
        let townPoints = scenario.sites.filter { $0.kind == .townPoint }
        #expect(ehpads.count == RegionProfile.bourgogneFrancheComte.ehpadCount)
        #expect(townPoints.count == RegionProfile.bourgogneFrancheComte.townPointCount)
        for site in scenario.sites {
            let commune = try #require(byCode[site.inseeCode])
            #expect(site.commune == commune.name)
            #expect(site.location.greatCircleKilometres(to: commune.location) < 1.5)
        }
        let towns = Self.catalog.communes.filter { $0.population >= DemoRegionGenerator.healthCentrePopulation }
        for site in townPoints {
            let commune = try #require(byCode[site.inseeCode])
            #expect(DemoRegionGenerator.townPointPopulation.contains(commune.population))
            let nearestTown = towns.map { commune.location.greatCircleKilometres(to: $0.location) }.min()!
            #expect(nearestTown >= DemoRegionGenerator.townPointMinimumRemotenessKilometres)
        }
        // More homes where more people live: Dijon's department has more EHPADs than Nièvre.
        #expect(ehpads.filter { $0.departmentCode == "21" }.count > ehpads.filter { $0.departmentCode == "58" }.count)
    }

    @Test("demand uses every mode and urgency, and patient references are pseudonymous")
    func demandMix() throws {
        let scenario = try Self.generate(seed: 1)
        #expect(Set(scenario.requests.map(\.urgency)) == Set(Urgency.allCases))
        // `crew` is unit-only work (and imported routing benchmarks); care teams book the other two.
        #expect(Set(scenario.requests.map(\.mode)) == [.live, .async])
        #expect(Set(scenario.requests.map(\.specialty)).count == Specialty.builtIn.count)
        let pseudonym = /^P-[0-9A-F]{1,10}$/
        #expect(scenario.requests.allSatisfy { $0.patientRef.wholeMatch(of: pseudonym) != nil })
        let urgentShare =
            Double(scenario.requests.filter { $0.urgency == .urgent }.count) / Double(scenario.requests.count)
        #expect((0.05...0.15).contains(urgentShare))
    }

    @Test("weeks outside 1…52 are refused")
    func weeksRange() throws {
        #expect(throws: GenerationError.self) {
            try DemoRegionGenerator(
                catalog: Self.catalog, profile: .bourgogneFrancheComte,
                options: .init(seed: 1, start: try LocalDate("2027-01-04"), weeks: 0))
        }
    }

    @Test("the seeded generator repeats its stream for a seed and shuffles into a permutation")
    func streamIsStable() {
        var rng = SeededRandomNumberGenerator(seed: 1)
        let draws = (0..<3).map { _ in rng.next() }
        var again = SeededRandomNumberGenerator(seed: 1)
        #expect(draws == (0..<3).map { _ in again.next() })
        #expect(draws[0] != draws[1])
        var shuffler = SeededRandomNumberGenerator(seed: 42)
        #expect(shuffler.shuffled(Array(0..<10)).sorted() == Array(0..<10))
    }
}
