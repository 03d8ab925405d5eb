import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The shipped demo region (`Scenarios/bfc-demo.json` is generated, byte for byte, from these
/// options; a test in `telemedTests` guards that), rebuilt in process so this target needs no fixture.
@Suite("The availability model of the demo region")
struct DemoRegionModelTests {
    static let scenario: Scenario = {
        let generator = try! DemoRegionGenerator(
            catalog: try! CommuneCatalog.shipped(region: "27"), profile: try! RegionProfile.shipped(region: "27"),
            options: .init(seed: 1, start: try! LocalDate("2027-01-04"), weeks: 4))
        return generator.generate()
    }()

    @Test("every site, specialist, unit and request gets its entry")
    func sizes() {
        let scenario = Self.scenario
        let model = AvailabilityModel(scenario)
        #expect(model.timeline.dayCount == 28)
        #expect(model.timeline.endTick == 28 * 1440)
        #expect(model.open.count == scenario.sites.count && model.nursePresent.count == scenario.sites.count)
        #expect(model.available.count == scenario.specialists.count)
        #expect(model.index.requests.count == scenario.requests.count)
        #expect(model.index.sites.count == scenario.sites.count)
        for unit in scenario.units.indices {
            let shifts = (0..<28).compactMap { model.shift(unit: unit, day: $0) }
            #expect(shifts.count == 4 * scenario.units[unit].operatingDays.count, "\(scenario.units[unit].id)")
        }
    }

    @Test("opening hours agree with WallClock's own conversion and nurses are present only while open")
    func agreesWithWallClock() {
        let scenario = Self.scenario
        let model = AvailabilityModel(scenario)
        for (position, site) in scenario.sites.enumerated() {
            let utc = WallClock.paris.intervals(
                for: site.openingHours, from: scenario.horizon.start, through: scenario.horizon.end,
                excluding: Set(site.closedDates))
            let expected = utc.map {
                TickInterval(start: model.timeline.tick(of: $0.start), end: model.timeline.tick(of: $0.end))
            }
            #expect(model.open[position].pieces == expected, "\(site.id)")
            #expect(model.nursePresent[position].subtracting(model.open[position]).isEmpty, "\(site.id)")
            #expect(model.open[position].totalTicks > 0, "\(site.id)")
        }
        #expect(model.nursePresent.contains { !$0.isEmpty })
        #expect(model.available.allSatisfy { !$0.isEmpty })
    }
}
