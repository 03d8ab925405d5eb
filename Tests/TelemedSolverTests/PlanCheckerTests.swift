import Foundation
import TelemedCore
import TelemedSolver
import Testing

@Suite("Plan checker on a valid plan")
struct PlanCheckerTests {
    let fixture = PlanCheckerFixture.self

    @Test("the hand-built valid plan checks clean")
    func validPlanIsClean() {
        let report = fixture.check(fixture.validPlan())
        #expect(report.violations.map(\.description) == [])
        #expect(report.isValid)
        #expect(report.score.hard == 0)
    }

    @Test("served and every soft term are recomputed from the scenario and the plan")
    func objectiveIsRecomputed() {
        var plan = fixture.validPlan()
        plan.score = PlanScore(hard: 7, served: 1, soft: 999)  // never trusted
        let report = fixture.check(plan)
        #expect(report.score.served == 133)
        #expect(abs(report.softTerms.lateness - 4) < 1e-9)
        #expect(abs(report.softTerms.travel - 106.8 * 0.05) < 1e-9)
        #expect(abs(report.softTerms.continuity - 1) < 1e-9)
        #expect(abs(report.softTerms.territorialFairness - 25) < 1e-9)
        #expect(abs(report.score.soft - 35.34) < 1e-9)
        #expect(report.agrees(with: fixture.validPlan().score))
        #expect(!report.agrees(with: plan.score))
    }

    @Test("a cancelled booking frees its request, its specialist and its room")
    func cancelledBookingsOccupyNothing() {
        let report = fixture.check { plan in
            var ghost = plan.bookings.first { $0.id == "B-5" }!
            ghost.id = "B-5-old"
            ghost.status = .cancelled
            ghost.specialistId = "S-1"
            plan.bookings.append(ghost)
        }
        #expect(report.isValid)
        #expect(report.score.served == 133)
    }

    @Test("a live consultation where no nurse ever works is fine when a unit visit hosts it")
    func unitCrewAccompaniesLiveConsultation() throws {
        let scenario = fixture.scenario()
        let townPoint = try #require(scenario.sites.first { $0.id == "T-58-0001" })
        let booking = try #require(fixture.validPlan().bookings.first { $0.id == "B-3" })
        #expect(townPoint.nurseHours.isEmpty)
        #expect(booking.host == .unitVisit("U-1"))
        #expect(fixture.check(fixture.validPlan()).violations(of: .nursePresent).isEmpty)
    }

    @Test("equipment found only on the unit is fine when the unit hosts the consultation")
    func unitEquipmentServesHostedBooking() throws {
        let scenario = fixture.scenario()
        let townPoint = try #require(scenario.sites.first { $0.id == "T-58-0001" })
        #expect(!townPoint.equipment.contains(.ecg))
        #expect(fixture.check(fixture.validPlan()).violations(of: .equipmentAvailable).isEmpty)
    }

    @Test("violations come sorted by contract order, whatever the plan's order")
    func violationsAreSortedDeterministically() {
        let report = fixture.check { plan in
            plan.move("B-5", to: "2027-05-10", "09:10")  // roomFree
            plan.updateBooking("B-3") { $0.specialistId = "S-1" }  // specialtyMatch
            plan.bookings.reverse()
        }
        #expect(report.violations.map(\.constraint) == [.specialtyMatch, .roomFree])
        #expect(report.score.hard == 2)
        let again = fixture.check { plan in
            plan.updateBooking("B-3") { $0.specialistId = "S-1" }
            plan.move("B-5", to: "2027-05-10", "09:10")
        }
        #expect(again.violations == report.violations)
    }

    @Test("the checker names every constraint of docs/constraints.md, spelled as there")
    func constraintNamesMatchTheContract() {
        #expect(
            ConstraintName.allCases.map(\.rawValue) == [
                "specialtyMatch", "specialistAvailable", "specialistNoOverlap", "specialistDailyMax", "siteOpen",
                "roomFree", "nursePresent", "equipmentAvailable", "unitPresent", "unitRouteFeasible",
                "withinHorizon", "patientNoOverlap", "pinnedUnchanged", "seriesSpacing", "requestOnce",
                "knownReference",
            ])
    }
}
