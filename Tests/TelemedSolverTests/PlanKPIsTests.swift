import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// KPIs of the plan checker's hand-built fixture (two weeks of May 2027, Ascension on Thu 05-06,
/// 8 May a Saturday), every figure worked out by hand in the comments.
@Suite("Plan KPIs")
struct PlanKPIsTests {
    let fixture = PlanCheckerFixture.self

    func kpis(_ plan: Plan? = nil) -> PlanKPIs {
        PlanKPIs(scenario: fixture.scenario(), plan: plan ?? fixture.validPlan())
    }

    @Test("served counts and percentages overall, by urgency, by mode and by department")
    func servedShares() {
        let kpis = kpis()
        #expect(kpis.requests == 8)
        #expect(kpis.served == 7)  // R-6 is unassigned
        #expect(kpis.servedPercent == 87.5)
        #expect(kpis.byUrgency.map(\.urgency) == [.urgent, .soon, .routine])
        #expect(kpis.byUrgency.map(\.requests) == [2, 3, 3])
        #expect(kpis.byUrgency.map(\.served) == [1, 3, 3])
        #expect(kpis.byUrgency.map(\.servedPercent) == [50, 100, 100])
        // live: R-1, R-3, R-4, R-5, R-6, R-8; async: R-2, R-7.
        #expect(
            kpis.byMode == [
                ServedShare(key: "live", requests: 6, served: 5), ServedShare(key: "async", requests: 2, served: 2),
            ])
        #expect(
            kpis.byDepartment == [
                ServedShare(key: "21", requests: 2, served: 1), ServedShare(key: "58", requests: 6, served: 6),
            ])
        #expect(kpis.byDepartment[0].servedPercent == 50)
    }

    @Test("waits are local start date minus release date; late means starting after the due date")
    func waitsAndLateness() {
        let kpis = kpis()
        let urgent = kpis.byUrgency[0]
        let soon = kpis.byUrgency[1]
        let routine = kpis.byUrgency[2]
        // urgent: R-1 released 05-10, Tue 05-11 → 1.
        #expect(urgent.waitMedianDays == 1)
        #expect(urgent.waitP90Days == 1)
        // soon: R-8 1 (05-10 → 05-11), R-3 5 (05-07 → 05-12), R-2 9 (05-03 → 05-12); p90 = 5 + 0.8 × 4.
        #expect(soon.waitMedianDays == 5)
        #expect(abs((soon.waitP90Days ?? 0) - 8.2) < 1e-9)
        // routine: R-4 and R-5 7 (Mon 05-10), R-7 8 (Tue 05-11); p90 = 7 + 0.8 × 1.
        #expect(routine.waitMedianDays == 7)
        #expect(abs((routine.waitP90Days ?? 0) - 7.8) < 1e-9)
        // R-2 is due 05-10 (soon: 7 days) and captured on 05-12.
        #expect(kpis.byUrgency.map(\.late) == [0, 1, 0])
        #expect(kpis.late == 1)
    }

    @Test("a booking just after local midnight waits and is late by its Paris date, not its UTC date")
    func waitUsesParisDate() {
        var plan = fixture.validPlan()
        let index = plan.bookings.firstIndex { $0.id == "B-1" }!
        // R-1 (urgent) released 05-10, due 05-12.
        plan.bookings[index].start = fixture.at("2027-05-12 00:30")  // 2027-05-11 22:30Z
        plan.bookings[index].end = fixture.at("2027-05-12 01:00")
        #expect(kpis(plan).byUrgency[0].waitMedianDays == 2)
        #expect(kpis(plan).byUrgency[0].late == 0)
        plan.bookings[index].start = fixture.at("2027-05-13 00:30")  // 2027-05-12 22:30Z
        #expect(kpis(plan).byUrgency[0].waitMedianDays == 3)
        #expect(kpis(plan).byUrgency[0].late == 1)
    }

    @Test("the median of an even count is the mean of the middle two; p90 interpolates between ranks")
    func percentiles() {
        let figures = UrgencyKPIs(urgency: .soon, requests: 4, served: 4, waits: [10, 0, 4, 2], late: 0)
        #expect(figures.waitMedianDays == 3)
        #expect(abs((figures.waitP90Days ?? 0) - 8.2) < 1e-9)  // rank 2.7: 4 + 0.7 × 6
        let none = UrgencyKPIs(urgency: .soon, requests: 0, served: 0, waits: [], late: 0)
        #expect(none.waitMedianDays == nil && none.servedPercent == nil)
    }

    @Test("a cancelled booking does not serve its request nor occupy its specialist")
    func cancelledBookingsDoNotCount() {
        var plan = fixture.validPlan()
        let index = plan.bookings.firstIndex { $0.id == "B-5" }!
        plan.bookings[index].status = .cancelled
        let kpis = kpis(plan)
        #expect(kpis.served == 6)
        #expect(kpis.byUrgency[2].served == 2)
        #expect(kpis.byUrgency[2].waitMedianDays == 7.5)  // 7 and 8
        #expect(kpis.specialistUtilisation.byResource.first { $0.id == "S-2" }?.busyMinutes == 60)
    }

    @Test("unit kilometres, driving hours, days and visits come from the plan's routes")
    func unitFigures() {
        let kpis = kpis()
        #expect(kpis.unitKilometres == 88)  // 58 + 30
        #expect(abs(kpis.unitDrivingHours - 106.8 / 60) < 1e-9)
        #expect(kpis.unitDaysUsed == 2)
        #expect(kpis.visits == 3)
    }

    @Test("specialist utilisation: booked specialist minutes over availability without holidays")
    func specialistUtilisation() {
        let utilisation = kpis().specialistUtilisation
        // S-1: B-2 review 20 + B-4 30 + B-7 review 15 + B-8 30; 9 working days (Ascension off) × 8 h − 1 h off.
        // S-2: B-1 30 + B-3 30 + B-5 20; 9 × 3 h + a 2 h extra slot.
        #expect(
            utilisation.byResource == [
                ResourceUtilisation(id: "S-1", busyMinutes: 95, availableMinutes: 4_260),
                ResourceUtilisation(id: "S-2", busyMinutes: 80, availableMinutes: 1_740),
            ])
        #expect(utilisation.busyMinutes == 175)
        #expect(utilisation.availableMinutes == 6_000)
        #expect(abs((utilisation.ratio ?? 0) - 175.0 / 6_000) < 1e-12)
    }

    @Test("unit utilisation: depot-to-depot minutes over the shifts of the unit's working days")
    func unitUtilisation() {
        let utilisation = kpis().unitUtilisation
        // Tue 08:30–15:30 (420) + Wed 09:00–12:30 (210); 8 days (05-05 off, Ascension) × 08:00–17:30 (570).
        #expect(utilisation.byResource == [ResourceUtilisation(id: "U-1", busyMinutes: 630, availableMinutes: 4_560)])
        #expect(abs((utilisation.ratio ?? 0) - 630.0 / 4_560) < 1e-12)
    }

    @Test("unassigned requests are counted per constraint in the contract's order")
    func unassignedByConstraint() {
        var plan = fixture.validPlan()
        #expect(kpis(plan).unassigned == 1)
        #expect(kpis(plan).unassignedByConstraint == [ConstraintCount(constraint: .specialistDailyMax, count: 1)])
        plan.unassigned += [
            UnassignedRequest(requestId: "R-10", constraint: .equipmentAvailable, reason: ""),
            UnassignedRequest(requestId: "R-11", constraint: .specialtyMatch, reason: ""),
            UnassignedRequest(requestId: "R-12", constraint: .equipmentAvailable, reason: ""),
        ]
        #expect(
            kpis(plan).unassignedByConstraint == [
                ConstraintCount(constraint: .specialtyMatch, count: 1),
                ConstraintCount(constraint: .specialistDailyMax, count: 1),
                ConstraintCount(constraint: .equipmentAvailable, count: 2),
            ])
    }

    @Test("a plan file naming a rule the contract does not know is refused when read")
    func unknownConstraintName() throws {
        let json = Data(#"{"requestId": "R-9", "constraint": "zzz", "reason": ""}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(UnassignedRequest.self, from: json) }
        let known = Data(#"{"requestId": "R-9", "constraint": "roomFree", "reason": ""}"#.utf8)
        #expect(try JSONDecoder().decode(UnassignedRequest.self, from: known).constraint == .roomFree)
    }

    @Test("the JSON form is the same bytes every time and decodes to the same value")
    func deterministicJSON() throws {
        let first = try ScenarioCoder.encode(kpis())
        let second = try ScenarioCoder.encode(kpis())
        #expect(first == second)
        #expect(try ScenarioCoder.makeDecoder().decode(PlanKPIs.self, from: first) == kpis())
    }

    @Test("an empty plan serves nothing and has no waits")
    func emptyPlan() {
        let kpis = kpis(Plan(bookings: [], visits: [], unassigned: [], score: PlanScore(hard: 0, served: 0, soft: 0)))
        #expect(kpis.served == 0)
        #expect(kpis.servedPercent == 0)
        #expect(kpis.byUrgency.allSatisfy { $0.waitMedianDays == nil && $0.waitP90Days == nil })
        #expect(kpis.unitUtilisation.busyMinutes == 0)
        #expect(kpis.unitUtilisation.ratio == 0)
    }
}
