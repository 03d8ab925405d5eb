import Foundation
import TelemedSolver
import Testing

@testable import TelemedCore

/// Access indicators of the territorial report, worked out by hand on the checker's fixture: five
/// communes in two intercommunalities, a zone, and the hand-built plan.
@Suite("Territorial access indicators")
struct TerritorialAccessTests {
    static let nevers = GeoPoint(latitude: 47.0, longitude: 3.2)
    static let townPoint = GeoPoint(latitude: 46.9, longitude: 3.6)
    static let dijon = GeoPoint(latitude: 47.3, longitude: 5.0)
    /// 25 km due north of Nevers as the crow flies: 32.5 km by road (× 1.3) is 10 + 18 + 10.7 =
    /// 38.7 minutes in the default speed bands, within 45 minutes and not 30.
    static let north = GeoPoint(latitude: 47.0 + 25 / 111.195, longitude: 3.2)
    /// 100 km from every site.
    static let remote = GeoPoint(latitude: 48.2, longitude: 5.0)

    static func catalog() -> CommuneCatalog {
        let morvan = Intercommunality(siren: "200000001", name: "CC Nivernaise")
        let plateau = Intercommunality(siren: "200000002", name: "CC du Plateau")
        func commune(_ code: String, _ population: Int, _ location: GeoPoint, _ epci: Intercommunality) -> Commune {
            Commune(
                inseeCode: code, name: "Commune \(code)", departmentCode: String(code.prefix(2)), regionCode: "27",
                population: population, location: location, intercommunality: epci)
        }
        return CommuneCatalog(
            regionCode: "27", regionName: "Bourgogne-Franche-Comté",
            communes: [
                commune("21027", 5_000, dijon, plateau), commune("21999", 500, remote, plateau),
                commune("58086", 2_000, townPoint, morvan), commune("58194", 10_000, nevers, morvan),
                commune("58999", 1_000, north, morvan),
            ],
            departments: [
                Department(code: "21", name: "Côte-d'Or", regionCode: "27", regionName: "Bourgogne-Franche-Comté"),
                Department(code: "58", name: "Nièvre", regionCode: "27", regionName: "Bourgogne-Franche-Comté"),
            ])
    }

    static func scenario() -> Scenario {
        var scenario = PlanCheckerFixture.scenario()
        let locations: [Site.ID: GeoPoint] = ["E-58-0001": nevers, "T-58-0001": townPoint, "E-21-0001": dijon]
        for index in scenario.sites.indices { scenario.sites[index].location = locations[scenario.sites[index].id]! }
        scenario.zones = [Zone(name: "QPV Nevers", kind: .cityPolicyNeighbourhood, communes: ["58194"])]
        return scenario
    }

    static func report(_ plan: Plan = PlanCheckerFixture.validPlan()) -> TerritorialReport {
        TerritorialReport(scenario: scenario(), plan: plan, catalog: catalog(), travel: PlanCheckerFixture.travel())
    }

    @Test("population within 30 and 45 minutes, consultations per 1,000, within delay and waits, by hand")
    func byHand() throws {
        let report = Self.report()
        // Every site hosts a consultation: 58194, 58086 and 21027 are at 0 minutes, 58999 at 38.7,
        // 21999 beyond 45.
        #expect(report.region.population == 18_500)
        #expect(report.region.populationWithin30Minutes == 17_000)
        #expect(report.region.populationWithin45Minutes == 18_000)
        // R-2 is served two days late and R-6 not at all: 6 of 8 within their delays.
        #expect(report.region.servedWithinDelayPercent == 75)
        // Waits 1, 1, 5, 7, 7, 8, 9 days: median 7, p90 at rank 5.4, 8.4.
        #expect(report.region.waitMedianDays == 7)
        #expect(abs((report.region.waitP90Days ?? 0) - 8.4) < 1e-9)

        let nivernaise = try #require(report.intercommunalities.first { $0.code == "200000001" })
        #expect(nivernaise.level == .epci && nivernaise.name == "CC Nivernaise")
        #expect(nivernaise.population == 13_000 && nivernaise.populationWithin30Minutes == 12_000)
        #expect(nivernaise.populationWithin45Minutes == 13_000)
        #expect(nivernaise.served == 6 && nivernaise.servedWithinDelayPercent == 100)
        #expect(abs((nivernaise.consultationsPerThousand ?? 0) - 6_000.0 / 13_000) < 1e-9)
        let plateau = try #require(report.intercommunalities.first { $0.code == "200000002" })
        #expect(plateau.population == 5_500 && plateau.populationWithin45Minutes == 5_000)
        #expect(plateau.requests == 2 && plateau.served == 1 && plateau.servedWithinDelayPercent == 0)
        #expect(abs((plateau.beyond30MinutesPercent ?? 0) - 100 * 500.0 / 5_500) < 1e-9)

        let zone = try #require(report.zones.first)
        #expect(zone.level == .zone && zone.zoneKind == .cityPolicyNeighbourhood && zone.code == "QPV Nevers")
        #expect(zone.population == 10_000 && zone.requests == 4 && zone.consultationsPerThousand == 0.4)

        let remote = try #require(report.communes.first { $0.code == "21999" })
        #expect(remote.sites == 0 && remote.requests == 0 && remote.populationWithin45Minutes == 0)
        #expect(remote.consultationsPerThousand == 0 && remote.servedWithinDelayPercent == nil)
        #expect(report.communes.map(\.code) == ["21027", "21999", "58086", "58194", "58999"])
        #expect(report.departments.map(\.code) == ["21", "58"])
    }

    @Test("a point counts only when the plan uses it: without R-2's booking, Dijon's site is unused")
    func onlyUsedPoints() throws {
        var plan = PlanCheckerFixture.validPlan()
        plan.bookings.removeAll { $0.requestId == "R-2" }
        let plateau = try #require(Self.report(plan).intercommunalities.first { $0.code == "200000002" })
        #expect(plateau.populationWithin45Minutes == 0 && plateau.consultationsPerThousand == 0)
        #expect(Self.report(plan).region.populationWithin30Minutes == 12_000)
    }

    @Test("every level splits the region's population, and all lists them in the order of territories.csv")
    func levelsPartition() {
        let report = Self.report()
        for level in [report.departments, report.intercommunalities, report.communes] {
            #expect(level.reduce(0) { $0 + ($1.population ?? 0) } == report.region.population)
            #expect(level.reduce(0) { $0 + $1.served } == report.region.served)
        }
        #expect(
            report.all.map(\.level) == [.region, .department, .department, .epci, .epci, .zone]
                + Array(repeating: .commune, count: 5))
    }

    @Test("the catchment finds the nearest point within 45 minutes, by the scenario's bands when it has them")
    func catchment() throws {
        let catchment = Catchment(points: [Self.dijon, Self.nevers], travel: .default)
        let minutes = try #require(catchment.minutes(from: Self.north))
        #expect(abs(minutes - (10 + 18 + 12.5 / 70 * 60)) < 0.05, "\(minutes)")
        #expect(catchment.minutes(from: Self.remote) == nil)
        #expect(catchment.minutes(from: Self.nevers) == 0)
        // Twice as fast everywhere: 19.4 minutes, within 30.
        let fast = Catchment(
            points: [Self.nevers],
            travel: .greatCircle(
                roadFactor: 1.3,
                speedBands: GreatCircleTravelModel.defaultSpeedBands.map {
                    .init(upToKilometres: $0.upToKilometres, kilometresPerHour: $0.kilometresPerHour * 2)
                }))
        #expect(try #require(fast.minutes(from: Self.north)) < 20)
    }
}
