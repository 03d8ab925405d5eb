import Foundation
import Testing

@testable import TelemedCore

@Suite("Solomon instances as scenarios")
struct SolomonScenarioTests {
    static func tiny() throws -> SolomonScenario {
        try SolomonScenario(instance: SolomonInstance(text: SolomonInstanceTests.small.joined(separator: "\n")))
    }

    @Test("customers become sites with one opening [ready, due + service] and one crew request each")
    func customersBecomeSitesAndRequests() throws {
        let imported = try Self.tiny()
        let scenario = imported.scenario
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        #expect(scenario.ticksPerMinute == 1000)
        #expect(scenario.sites.map(\.id) == ["C001", "C002"])
        let midnight = WallClock.paris.instant(on: SolomonScenario.day, at: .midnight)
        // Customer 2: ready 10, due 60, service 5 → [4, 26) minutes after midnight at 0.4 min per unit.
        let opening = try #require(scenario.sites[1].openings?.first)
        #expect(opening.start.timeIntervalSince(midnight) == 4 * 60)
        #expect(abs(opening.end.timeIntervalSince(midnight) - 26 * 60) < 1e-6)
        #expect(scenario.requests.map(\.mode) == [.crew, .crew])
        #expect(scenario.requests.map(\.durationMinutes) == [2, 2])
        #expect(scenario.requests.map(\.load) == [10, 20])
        #expect(Set(scenario.requests.map(\.patientRef)).count == 2)
    }

    @Test("vehicles become identical units: capacity, one shift closing at the depot's due date, no lunch")
    func vehiclesBecomeUnits() throws {
        let scenario = try Self.tiny().scenario
        #expect(scenario.units.map(\.id) == ["V01", "V02"])
        #expect(scenario.units.allSatisfy { $0.capacityPerDay == 50 && $0.lunchBreak == nil && $0.setupMinutes == 0 })
        #expect(scenario.units[0].shift == TimeOfDayWindow(start: .midnight, end: try LocalTime("00:40")))
    }

    @Test("C1's depot closes at 494.4 minutes: the shift ends at 08:14, rounded down to the safe side")
    func depotDueDateRoundsDown() throws {
        let instance = try SolomonInstanceTests.load("C101")
        let scenario = try SolomonScenario(instance: instance).scenario
        #expect(scenario.units.count == 25)
        #expect(scenario.units[0].shift.end == (try LocalTime("08:14")))
        #expect(ScenarioValidator().validate(scenario).isEmpty)
    }

    @Test("travel is the real-valued Euclidean distance: 5 units from (0,0) to (3,4) are 2 minutes")
    func euclideanTravel() throws {
        let imported = try Self.tiny()
        let depot = TravelPoint(id: "depot:V01", location: GeoPoint(latitude: 0, longitude: 0))
        let first = TravelPoint(id: "C001", location: GeoPoint(latitude: 0, longitude: 0))
        let leg = try imported.travel.leg(from: depot, to: first)
        #expect(abs(leg.minutes - 2) < 1e-12 && abs(leg.kilometres - 5) < 1e-12)
        let second = TravelPoint(id: "C002", location: GeoPoint(latitude: 0, longitude: 0))
        #expect(abs(try imported.travel.leg(from: first, to: second).kilometres - 5) < 1e-12)
        #expect(throws: TravelModelError.unknownPoint("nowhere")) {
            try imported.travel.leg(from: first, to: TravelPoint(id: "nowhere", location: first.location))
        }
    }

    @Test("a service time that is not whole minutes at 0.4 min per unit is refused with the customer named")
    func fractionalServiceTimeRefused() throws {
        let text = SolomonInstanceTests.small(
            replacing: 11, with: "    1      3          4         10          0         50          3")
        #expect {
            try SolomonScenario(instance: SolomonInstance(text: text))
        } throws: { error in
            (error as? SolomonFormatError)?.message.contains("service time of customer 1") == true
        }
    }
}
