import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// ``PinnedFactCheck`` per occurrence: a stop on a pattern is checked only with the stops that
/// happen the same dates. Mondays 2027-01-11, 01-18 and 01-25; Lormes 41 min from the depot, Luzy
/// 46, Lormes–Luzy 73.
@Suite("Pinned facts of circuits: each date with the stops that happen on it")
struct PinnedFactCircuitTests {
    typealias B = SolverConstraintBuilder
    typealias Check = PinnedFactCheckTests

    static func fortnightly(_ stop: RecurringStop, from anchor: String) -> RecurringStop {
        var stop = stop
        stop.everyWeeks = 2
        stop.anchorDate = B.date(anchor)
        return stop
    }

    static func issues(_ stops: [RecurringStop]) throws -> [PinnedFactIssue] {
        try PinnedFactCheck.issues(in: Check.scenario(B.unit(stops: stops), through: "2027-01-25"))
    }

    @Test("a leg too short between a weekly and a fortnightly stop is named on the fortnightly's Mondays only")
    func legOnOccurrencesOnly() throws {
        let weekly = Check.stop("E-58-0001", "09:00", "10:00")
        let luzy = Check.stop("E-58-0002", "10:30", "11:30")
        let odd = try Self.issues([weekly, Self.fortnightly(luzy, from: "2027-01-11")])
        #expect(odd.map(\.rule) == [.stopLegFits])
        #expect(odd.first?.message.hasPrefix("unit U-01 on mondays (2027-01-11 and 1 other date): leaving") == true)
        let even = try Self.issues([weekly, Self.fortnightly(luzy, from: "2027-01-18")])
        #expect(even.map(\.rule) == [.stopLegFits])
        #expect(even.first?.message.hasPrefix("unit U-01 on mondays (2027-01-18): leaving") == true)
    }

    @Test("two fortnightly stops at the same time on alternate weeks pass and solve, one a Monday")
    func alternateWeeksPass() throws {
        let stops = [
            Self.fortnightly(Check.stop("E-58-0001", "09:30", "12:00"), from: "2027-01-11"),
            Self.fortnightly(Check.stop("E-58-0002", "09:30", "12:00"), from: "2027-01-18"),
        ]
        let scenario = Check.scenario(B.unit(stops: stops), through: "2027-01-25")
        #expect(ScenarioValidator().validate(scenario).isEmpty)
        #expect(try PinnedFactCheck.issues(in: scenario).isEmpty)
        let visits = try B.solve(scenario).plan.visits.filter(\.pinned)
        #expect(
            visits.map { "\($0.date) \($0.siteId)" }.sorted()
                == ["2027-01-11 E-58-0001", "2027-01-18 E-58-0002", "2027-01-25 E-58-0001"])
    }

    @Test("stopOccurs: a stop whose pattern misses every Monday of the horizon is a warning, not a refusal")
    func neverHappensIsAWarning() throws {
        let stop = Self.fortnightly(Check.stop("E-58-0001", "09:30", "12:00"), from: "2027-01-18")
        let scenario = Check.scenario(B.unit(stops: [stop]))
        let issues = try PinnedFactCheck.issues(in: scenario)
        #expect(issues.map(\.rule) == [.stopOccurs])
        #expect(issues.first?.refuses == false)
        #expect(issues.first?.path.description == "units[0].recurringStops[0]")
        #expect(
            issues.first?.message
                == "unit U-01's monday stop at E-58-0001 (every 2 weeks on mondays from 2027-01-18) falls on none of"
                + " the unit's mondays in the horizon (2027-01-11), so it never happens; check its everyWeeks,"
                + " anchorDate and weekOfMonth")
        #expect(try B.solve(scenario).plan.visits.isEmpty)
        // A weekly stop is not reported, nor a pattern whose only Monday is a holiday (Easter Monday).
        let weekly = Check.scenario(B.unit(stops: [Check.stop("E-58-0001", "09:30", "12:00")]))
        #expect(try PinnedFactCheck.issues(in: weekly).isEmpty)
        let easter = B.scenario(
            from: "2027-03-29", through: "2027-03-29", sites: Check.sites, specialists: [B.specialist("SP-01")],
            units: [B.unit(stops: [stop])], requests: [])
        #expect(try PinnedFactCheck.issues(in: easter).isEmpty)
    }
}
