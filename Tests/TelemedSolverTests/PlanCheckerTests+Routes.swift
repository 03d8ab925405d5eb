import Foundation
import TelemedCore
import TelemedSolver
import Testing

@Suite("Plan checker: units and routes")
struct PlanCheckerRouteTests {
    let fixture = PlanCheckerFixture.self

    @Test("a consultation after the unit has left the site breaks unitPresent")
    func unitPresentAfterDeparture() {
        let report = fixture.check { $0.move("B-8", to: "2027-05-11", "15:00") }
        #expect(report.violatedConstraints == [.unitPresent])
        #expect(report.violations.first?.unitId == "U-1")
    }

    @Test("a consultation during the unit's set-up breaks unitPresent")
    func unitPresentDuringSetup() {
        let report = fixture.check { $0.move("B-1", to: "2027-05-11", "09:05") }
        #expect(report.violatedConstraints == [.unitPresent])
    }

    @Test("a leg one minute shorter than its 29.2 travel minutes breaks unitRouteFeasible")
    func legTooShortByOneMinute() {
        let report = fixture.check {
            $0.updateUnitDay("2027-05-11") { $0.leavesDepot = fixture.at("2027-05-11 08:31") }
        }
        #expect(report.violatedConstraints == [.unitRouteFeasible])
        #expect(report.violations.first?.message.contains("depot:U-1 → E-58-0001") == true)
        #expect(report.violations.first?.message.contains("29.00 min for 29.20 min") == true)
    }

    @Test("a lunch taken while driving lengthens the leg it falls in")
    func lunchInsideLegIsSubtracted() {
        let fits = fixture.check { plan in
            plan.updateUnitDay("2027-05-12") { day in
                day.returnsDepot = fixture.at("2027-05-12 13:15")
                day.lunch = fixture.span("2027-05-12", "12:15", "13:00")
            }
        }
        #expect(fits.isValid)  // 75 min − 45 min of lunch ≥ 18.5 min
        let tooShort = fixture.check { plan in
            plan.updateUnitDay("2027-05-12") { day in
                day.returnsDepot = fixture.at("2027-05-12 13:00")
                day.lunch = fixture.span("2027-05-12", "12:15", "13:00")
            }
        }
        #expect(tooShort.violatedConstraints == [.unitRouteFeasible])  // 60 − 45 < 18.5
    }

    @Test("a lunch overlapping a hosted consultation breaks unitRouteFeasible")
    func lunchOverlapsConsultation() {
        let report = fixture.check {
            $0.updateUnitDay("2027-05-11") { $0.lunch = fixture.span("2027-05-11", "12:45", "13:30") }
        }
        #expect(report.violatedConstraints == [.unitRouteFeasible])
        #expect(report.violations.first?.message.contains("B-8") == true)
    }

    @Test("a missing lunch breaks unitRouteFeasible")
    func missingLunch() {
        let report = fixture.check { $0.updateUnitDay("2027-05-12") { $0.lunch = nil } }
        #expect(report.violatedConstraints == [.unitRouteFeasible])
    }

    @Test("driving 69.8 minutes with a 60-minute maximum breaks unitRouteFeasible")
    func drivingOverMaximum() {
        var scenario = fixture.scenario()
        scenario.units[0].maxDrivingMinutesPerDay = 60
        let report = fixture.check(fixture.validPlan(), scenario: scenario)
        #expect(report.violatedConstraints == [.unitRouteFeasible])
        #expect(report.violations.map(\.date) == [fixture.date("2027-05-11")])
        #expect(report.violations.first?.message.contains("69.80 min") == true)
    }

    @Test("a third hosted consultation on a day of capacity 2 breaks unitRouteFeasible")
    func capacityExceeded() {
        let report = fixture.check { plan in
            plan.updateBooking("B-7") { $0.host = .unitVisit("U-1") }
            plan.move("B-7", to: "2027-05-11", "10:40")
        }
        #expect(report.violatedConstraints == [.unitRouteFeasible])
        #expect(report.violations.first?.message.contains("capacity of 2") == true)
    }

    @Test("a route outside the shift, out of order or on a day off breaks unitRouteFeasible")
    func shiftOrderAndDay() {
        let early = fixture.check { $0.updateUnitDay("2027-05-11") { $0.leavesDepot = fixture.at("2027-05-11 07:45") } }
        #expect(early.violatedConstraints == [.unitRouteFeasible])
        let gap = fixture.check { $0.visits[1].order = 3 }
        #expect(gap.violatedConstraints == [.unitRouteFeasible])
        let noRecord = fixture.check { $0.unitDays.removeFirst() }
        #expect(noRecord.violatedConstraints == [.unitRouteFeasible])
        var scenario = fixture.scenario()
        scenario.units[0].unavailableDates.append(fixture.date("2027-05-11"))
        let dayOff = fixture.check(fixture.validPlan(), scenario: scenario)
        #expect(dayOff.violatedConstraints == [.unitRouteFeasible])
        #expect(dayOff.violations.first?.message.contains("unavailable dates") == true)
    }
}
