import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `pinnedUnchanged` on a pattern: the fixture's Wednesday stop at T-58-0001 made fortnightly or
/// monthly. Its Wednesdays are 05-05 (the unit's day off) and 05-12 (the valid plan's pinned visit).
@Suite("Plan checker: recurring stops every other week or once a month")
struct PlanCheckerCircuitTests {
    let fixture = PlanCheckerFixture.self

    /// The fixture with its stop on a pattern.
    func scenario(everyWeeks: Int? = nil, anchor: String? = nil, weekOfMonth: Int? = nil) -> Scenario {
        var scenario = fixture.scenario()
        scenario.units[0].recurringStops[0].everyWeeks = everyWeeks
        scenario.units[0].recurringStops[0].anchorDate = anchor.map(fixture.date)
        scenario.units[0].recurringStops[0].weekOfMonth = weekOfMonth
        // The fixture leaves out FINESS numbers; the stop itself must be valid.
        let stopIssues = ScenarioValidator().validate(scenario).filter { "\($0.path)".contains("recurringStops") }
        #expect(stopIssues.isEmpty)
        return scenario
    }

    /// The valid plan without Wednesday 05-12: no visit, no route, no booking hosted there.
    func planWithoutStop() -> Plan {
        var plan = fixture.validPlan()
        plan.visits.removeAll { $0.date == fixture.date("2027-05-12") }
        plan.unitDays.removeAll { $0.date == fixture.date("2027-05-12") }
        plan.bookings.removeAll { $0.id == "B-3" }
        return plan
    }

    @Test(
        "a plan without the stop on a date of its pattern breaks pinnedUnchanged",
        arguments: [
            (2, "2027-04-28", nil), (2, "2027-06-09", nil), (4, "2027-04-14", nil), (nil, nil, 2),
        ] as [(Int?, String?, Int?)])
    func occurrenceMissing(everyWeeks: Int?, anchor: String?, weekOfMonth: Int?) {
        let scenario = scenario(everyWeeks: everyWeeks, anchor: anchor, weekOfMonth: weekOfMonth)
        #expect(fixture.check(fixture.validPlan(), scenario: scenario).isValid)
        let report = fixture.check(planWithoutStop(), scenario: scenario)
        #expect(report.violatedConstraints == [.pinnedUnchanged])
        #expect(report.violations.map(\.date) == [fixture.date("2027-05-12")])
        #expect(report.violations.first?.message.contains("T-58-0001 on 2027-05-12 09:30–12:00") == true)
    }

    @Test(
        "no visit is demanded on a Wednesday outside the pattern",
        arguments: [
            (2, "2027-05-05", nil), (3, "2027-05-19", nil), (nil, nil, 1), (nil, nil, -1),
        ] as [(Int?, String?, Int?)])
    func weekOffDemandsNothing(everyWeeks: Int?, anchor: String?, weekOfMonth: Int?) {
        let scenario = scenario(everyWeeks: everyWeeks, anchor: anchor, weekOfMonth: weekOfMonth)
        let report = fixture.check(planWithoutStop(), scenario: scenario)
        #expect(report.isValid, "\(report.violations.map(\.description))")
    }
}
