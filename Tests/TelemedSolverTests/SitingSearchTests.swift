import Foundation
import TelemedCore
import TelemedSolver
import TelemedTestSupport
import Testing

/// The siting search on the Nièvre fixture (`Tests/Fixtures/siting`): how candidates are chosen,
/// what a new place looks like, and how candidates are ranked.
@Suite("siting search: candidates, typical places, ranking")
struct SitingSearchTests {
    struct Setup: Sendable {
        var scenario: Scenario
        var catalog: CommuneCatalog
        var travel: any TravelModel
    }

    static let setup = Result { () throws -> Setup in
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/siting/scenario.json")
        let scenario = try ScenarioCoder.load(contentsOf: url)
        return Setup(
            scenario: scenario, catalog: try CommuneCatalog.shipped(for: scenario),
            travel: try scenario.travel.makeModel(relativeTo: nil))
    }

    static func search(_ kind: SitingKind, candidates: Int = 3) throws -> SitingSearch {
        let setup = try setup.get()
        return SitingSearch(
            base: setup.scenario, catalog: setup.catalog, travel: setup.travel,
            criteria: .defaults(for: kind, maximumCandidates: candidates),
            options: SolverOptions(seed: 2, iterations: 20))
    }

    @Test(
        "candidates have unmet demand nearby, admitted populations, the spacing from existing points and each other, most unmet first",
        arguments: SitingKind.allCases)
    func candidatesFollowTheRules(_ kind: SitingKind) throws {
        let setup = try Self.setup.get()
        let plan = try Solver(scenario: setup.scenario).solve(SolverOptions(seed: 2, iterations: 20)).plan
        let criteria = SitingCriteria.defaults(for: kind, maximumCandidates: 6)
        let filter = SitingCandidateFilter(
            base: setup.scenario, basePlan: plan, catalog: setup.catalog, travel: setup.travel, criteria: criteria)
        let candidates = filter.candidates()
        #expect(!candidates.isEmpty && candidates.count <= 6)
        let existing =
            kind == .townPoint
            ? setup.scenario.sites.filter { $0.kind == .townPoint }.map(\.location)
            : setup.scenario.units.map(\.depot.location)
        for candidate in candidates {
            let commune = candidate.commune
            #expect(candidate.unmetNearby > 0 && candidate.sitesNearby > 0)
            #expect(commune.population >= criteria.minimumPopulation)
            #expect(commune.population <= criteria.maximumPopulation ?? .max)
            #expect(setup.catalog.commune(commune.inseeCode) != nil, "in the scenario's region")
            #expect(
                existing.allSatisfy { $0.greatCircleKilometres(to: commune.location) >= criteria.spacingKilometres })
            for other in candidates where other.commune.inseeCode != commune.inseeCode {
                #expect(
                    other.commune.location.greatCircleKilometres(to: commune.location) >= criteria.spacingKilometres)
            }
        }
        #expect(candidates.map(\.unmetNearby) == candidates.map(\.unmetNearby).sorted(by: >))
        #expect(Set(candidates.map(\.variant.name)).count == candidates.count)
    }

    @Test("a new unit is the typical one: most common crew, devices and days of at least half the units, common shift")
    func typicalUnit() throws {
        let setup = try Self.setup.get()
        var scenario = setup.scenario
        let template = scenario.units[0]
        scenario.units = [
            template,
            modified(template, "U-02", equipment: [.videoCart, .ecg, .spirometer], days: [.monday, .tuesday]),
            modified(template, "U-03", equipment: [.videoCart, .retinalCamera], days: [.monday], crew: .orthoptist),
        ]
        let depot = Depot(
            name: "Base de Decize", inseeCode: "58095", location: GeoPoint(latitude: 46.83, longitude: 3.46))
        let unit = try #require(
            TypicalPlaces.unit(of: scenario, id: "U-04", name: "Unité mobile de Decize", depot: depot))
        #expect(unit.crew == .nurse && unit.id == "U-04" && unit.depot == depot)
        // Nurse units: U-01 (its own devices, Monday to Friday) and U-02; half of two is one.
        #expect(Set(unit.equipment) == Set(template.equipment + [.spirometer]))
        #expect(unit.operatingDays == Weekday.workingDays)
        #expect(unit.shift == template.shift && unit.capacityPerDay == template.capacityPerDay)
        #expect(unit.recurringStops.isEmpty && unit.unavailableDates.isEmpty)
        #expect(FreshIdentifiers.unit(in: scenario) == "U-04")
    }

    private func modified(
        _ unit: MobileUnit, _ id: MobileUnit.ID, equipment: [Equipment], days: [Weekday], crew: MobileUnit.Crew = .nurse
    ) -> MobileUnit {
        var copy = unit
        copy.id = id
        copy.equipment = equipment
        copy.operatingDays = days
        copy.crew = crew
        return copy
    }

    @Test("a new town point has the most common hours of the region's town points and the devices half of them have")
    func typicalTownPoint() throws {
        let scenario = try Self.setup.get().scenario
        let site = TypicalPlaces.townPoint(of: scenario, inseeCode: "58062", id: "T-58-0009")
        let townPoints = scenario.sites.filter { $0.kind == .townPoint }
        let sameHours = townPoints.filter { $0.openingHours == site.openingHours }.count
        #expect(sameHours >= 1)
        #expect(
            townPoints.allSatisfy { other in
                townPoints.filter { $0.openingHours == other.openingHours }.count <= sameHours
            })
        let withCart = townPoints.filter { $0.equipment.contains(.videoCart) }.count
        #expect(site.equipment.contains(.videoCart) == (2 * withCart >= townPoints.count))
    }

    @Test("gains are ordered: served within delay, then mean wait, then kilometres")
    func gainOrder() {
        func gain(_ served: Int, _ wait: Double?, _ km: Double) -> SitingGain {
            SitingGain(servedWithinDelay: served, meanWaitDays: wait, unitKilometres: km)
        }
        #expect(gain(3, 1, 500).ranksBefore(gain(2, -5, -500)) == true)
        #expect(gain(2, -0.5, 500).ranksBefore(gain(2, 0.2, -500)) == true)
        #expect(gain(2, 0.2, -10).ranksBefore(gain(2, 0.2001, 30)) == true)
        #expect(gain(2, 0.2, 10).ranksBefore(gain(2, 0.2, 10.01)) == nil)
        #expect(gain(2, nil, 0).ranksBefore(gain(2, 3, 0)) == false)
    }

    @Test("the search ranks every candidate the same way twice, best first, each solved alone with the same options")
    func rankingIsDeterministic() throws {
        let first = try Self.search(.depot).run()
        let second = try Self.search(.depot).run()
        #expect(first.suggestions == second.suggestions)
        #expect(first.suggestions.map(\.rank) == Array(1...first.suggestions.count))
        for (better, worse) in zip(first.suggestions, first.suggestions.dropFirst()) {
            #expect(better.gain.ranksBefore(worse.gain) != false)
        }
        for suggestion in first.suggestions {
            let solved = try #require(first.solved[suggestion.candidate.variant.name])
            #expect(
                SitingFigures(scenario: solved.scenario, plan: solved.plan) == suggestion.figures,
                "the solved variant kept for \(suggestion.candidate.variant.name) is its own")
            #expect(solved.scenario.units.count == first.base.scenario.units.count + 1)
            #expect(suggestion.iterations == 20)
            #expect(
                suggestion.gain.servedWithinDelay == suggestion.figures.servedWithinDelay
                    - first.baseFigures.servedWithinDelay)
        }
    }

    @Test("a town point's own demand is counted in its figures")
    func townPointDemand() throws {
        let result = try Self.search(.townPoint, candidates: 2).run()
        for suggestion in result.suggestions {
            #expect(suggestion.figures.newPlaceRequests > 0)
            #expect(suggestion.figures.requests == result.baseFigures.requests + suggestion.figures.newPlaceRequests)
            #expect(suggestion.figures.newPlaceServedWithinDelay <= suggestion.figures.newPlaceRequests)
        }
    }
}
