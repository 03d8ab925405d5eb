import Foundation
import TelemedCore
import TelemedSolver
import Testing

@Suite("Plan checker on the demo region")
struct PlanCheckerDemoTests {
    /// `Scenarios/bfc-demo.json`, found from this file: `Tests/TelemedSolverTests/…`.
    static let demoURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/bfc-demo.json")

    /// Every request booked naively (first matching specialist, first possible working day, site
    /// host) and every unit driving three stops each working day: many violations, full workload.
    static func naivePlan(for scenario: Scenario) -> Plan {
        let clock = WallClock.paris
        var bookings: [Booking] = []
        for (index, request) in scenario.requests.enumerated() {
            let specialist =
                scenario.specialists.first { $0.specialties.contains(request.specialty) }
                ?? scenario.specialists[0]
            var day = max(request.firstPossibleDate, scenario.horizon.start)
            while !Weekday.workingDays.contains(day.weekday) { day = day.adding(days: 1) }
            let start = clock.instant(on: day, at: LocalTime(minutesSinceMidnight: 540 + 30 * (index % 12))!)
            let end = start.addingTimeInterval(TimeInterval(request.durationMinutes * 60))
            let review =
                request.mode == .async
                ? UTCInterval(start: start.addingTimeInterval(86_400), end: end.addingTimeInterval(86_400)) : nil
            bookings.append(
                Booking(
                    id: Booking.ID("B-\(index)"), requestId: request.id, specialistId: specialist.id,
                    siteId: request.siteId, start: start, end: end, review: review, host: .siteEquipment,
                    status: .proposed))
        }
        var visits: [Visit] = []
        var unitDays: [UnitDay] = []
        for (unitIndex, unit) in scenario.units.enumerated() {
            for day in scenario.horizon.days where unit.operatingDays.contains(day.weekday) {
                for stop in 0..<3 {
                    let site = scenario.sites[(unitIndex * 7 + stop + day.day) % scenario.sites.count]
                    let arrival = clock.instant(on: day, at: LocalTime(hour: 9 + 2 * stop, minute: 0)!)
                    visits.append(
                        Visit(
                            unitId: unit.id, date: day, siteId: site.id, arrival: arrival,
                            departure: arrival.addingTimeInterval(5_400), order: stop + 1))
                }
                unitDays.append(
                    UnitDay(
                        unitId: unit.id, date: day,
                        leavesDepot: clock.instant(on: day, at: LocalTime(hour: 8, minute: 0)!),
                        returnsDepot: clock.instant(on: day, at: LocalTime(hour: 16, minute: 0)!),
                        lunch: clock.interval(
                            on: day, from: LocalTime(hour: 12, minute: 45)!, to: LocalTime(hour: 13, minute: 30)!),
                        drivingMinutes: 0, kilometres: 0))
            }
        }
        return Plan(
            bookings: bookings, visits: visits, unitDays: unitDays, unassigned: [],
            score: PlanScore(hard: 0, served: 0, soft: 0))
    }

    /// Speed is measured in benchmarks, never asserted here: this checks the checker's results at
    /// the demo's scale.
    @Test("the demo region's 1,366 requests are all checked, with every violation counted")
    func demoPlanIsChecked() throws {
        let scenario = try ScenarioCoder.load(contentsOf: Self.demoURL)
        #expect(scenario.requests.count == 1366)
        let plan = Self.naivePlan(for: scenario)
        let result = try PlanChecker(scenario: scenario).check(plan)
        #expect(!result.isValid)
        #expect(result.score.hard == result.violations.count)
        #expect(result.score.served == scenario.requests.reduce(0) { $0 + scenario.weights.served[$1.urgency] })
    }
}
