import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `pinnedUnchanged` for circuits: a stop every other week or on one week of the month is a
/// pinned visit on exactly its dates, across month ends; an occurrence on a public holiday (or a
/// day off of the unit) is skipped, never moved to the day before or after. Autumn 2027: Monday
/// 1 November (All Saints) and Thursday 11 November (Armistice) are holidays; Tuesday 1 May 2029
/// (Labour Day) is a first Tuesday.
@Suite("Solver keeps circuits: stops every other week or once a month")
struct SolverConstraintCircuitTests {
    typealias B = SolverConstraintBuilder

    static func stop(
        _ day: Weekday, at site: String, everyWeeks: Int? = nil, anchor: String? = nil, weekOfMonth: Int? = nil
    ) -> RecurringStop {
        RecurringStop(
            day: day, siteId: Site.ID(site), arrival: B.time("09:30"), departure: B.time("12:00"),
            everyWeeks: everyWeeks, anchorDate: anchor.map(B.date), weekOfMonth: weekOfMonth)
    }

    /// Solves a unit with `stops` and nothing to book: every visit of the plan is a stop.
    static func pinnedVisits(
        _ stops: [RecurringStop], from start: String, through end: String, unavailable: [String] = []
    ) throws -> [String] {
        let scenario = B.scenario(
            from: start, through: end,
            sites: [B.site("E-58-0001", in: .lormes), B.site("E-58-0002", in: .moulinsEngilbert)],
            specialists: [B.specialist("SP-01")], units: [B.unit(stops: stops, unavailable: unavailable)],
            requests: [])
        #expect(try PinnedFactCheck.issues(in: scenario).isEmpty)
        let outcome = try B.solve(scenario)
        #expect(outcome.plan.visits.allSatisfy { $0.pinned })
        for visit in outcome.plan.visits {
            #expect(visit.arrival == B.at(visit.date.description, "09:30"))
            #expect(visit.departure == B.at(visit.date.description, "12:00"))
        }
        return outcome.plan.visits.map { "\($0.date) \($0.siteId)" }.sorted()
    }

    @Test("two fortnightly Thursday stops alternate; Armistice and a day off are skipped, not moved")
    func fortnightlyAcrossMonthEndAndHoliday() throws {
        // Lormes on 10-28, 11-11 (Armistice) and 11-25; Moulins-Engilbert on 11-04 and 11-18 (day off).
        let stops = [
            Self.stop(.thursday, at: "E-58-0001", everyWeeks: 2, anchor: "2027-10-28"),
            Self.stop(.thursday, at: "E-58-0002", everyWeeks: 2, anchor: "2027-11-18"),
        ]
        let visits = try Self.pinnedVisits(
            stops, from: "2027-10-25", through: "2027-11-26", unavailable: ["2027-11-18"])
        #expect(visits == ["2027-10-28 E-58-0001", "2027-11-04 E-58-0002", "2027-11-25 E-58-0001"])
    }

    @Test("the first Monday and the first Tuesday of the month; All Saints' first Monday is skipped, not moved")
    func firstWeekdayOfTheMonth() throws {
        let stops = [
            Self.stop(.monday, at: "E-58-0001", weekOfMonth: 1), Self.stop(.tuesday, at: "E-58-0002", weekOfMonth: 1),
        ]
        let visits = try Self.pinnedVisits(stops, from: "2027-10-25", through: "2027-12-10")
        #expect(visits == ["2027-11-02 E-58-0002", "2027-12-06 E-58-0001", "2027-12-07 E-58-0002"])
    }

    @Test("the first Tuesday of May 2029 is Labour Day: skipped, with no visit on 04-30 or 05-02; June's is kept")
    func firstTuesdayOnLabourDay() throws {
        let visits = try Self.pinnedVisits(
            [Self.stop(.tuesday, at: "E-58-0001", weekOfMonth: 1)], from: "2029-04-23", through: "2029-06-08")
        #expect(visits == ["2029-06-05 E-58-0001"])
    }

    @Test("the last Friday of the month, whether it is the fourth or the fifth")
    func lastFridayOfTheMonth() throws {
        let visits = try Self.pinnedVisits(
            [Self.stop(.friday, at: "E-58-0001", weekOfMonth: RecurringStop.lastWeekOfMonth)],
            from: "2027-01-18", through: "2027-03-05")
        #expect(visits == ["2027-01-29 E-58-0001", "2027-02-26 E-58-0001"])
    }

    @Test("a request at a fortnightly stop's site is hosted in the stop on its week, not on the week off")
    func fortnightlyStopIsFilled() throws {
        // The stop comes on 11-25 only; the cardiologist is free on both Thursdays. Lormes has no
        // ECG, so the unit hosts the request; joining the pinned stop costs no extra driving.
        let scenario = B.scenario(
            from: "2027-11-15", through: "2027-11-26", sites: [B.site("E-58-0001", in: .lormes)],
            specialists: [
                B.specialist("SP-01", [.cardiology], available: B.windows([.thursday], "10:00", "11:00"))
            ],
            units: [B.unit(stops: [Self.stop(.thursday, at: "E-58-0001", everyWeeks: 2, anchor: "2027-10-28")])],
            requests: [
                B.request(
                    "R-1", at: "E-58-0001", .routine, specialty: .cardiology, needs: [.ecg], released: "2027-11-15")
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.day("R-1") == "2027-11-25")
        #expect(outcome.plan.visits.map(\.date.description) == ["2027-11-25"])
        #expect(outcome.plan.visits.filter(\.pinned).map(\.date.description) == ["2027-11-25"])
    }
}
