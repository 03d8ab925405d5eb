import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The `stability` term: proposed bookings staff have seen stay where they are unless moving
/// them gains more than `weights.proposalMoved`; the checker charges the same.
@Suite("Stability: seen proposals move only for a real gain")
struct StabilityTests {
    typealias B = SolverConstraintBuilder

    /// Seen on Wednesday at 14:00 with SP-01, although R-1 prefers SP-02 (`continuityBroken`
    /// costs 1): a plan gains 1 by moving it to SP-02.
    static func seen(start: String = "14:00", day: String = B.wednesday, specialist: String = "SP-01") -> Booking {
        Booking(
            id: "B-R-1", requestId: "R-1", specialistId: Specialist.ID(specialist), siteId: "E-58-0001",
            start: B.at(day, start), end: B.at(day, start).addingTimeInterval(30 * 60), host: .siteEquipment,
            status: .proposed)
    }

    static func scenario(weight: Double, bookings: [Booking] = [seen()]) -> Scenario {
        var scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01"), B.specialist("SP-02")],
            requests: [B.request("R-1", at: "E-58-0001", preferred: "SP-02"), B.request("R-2", at: "E-58-0001")],
            bookings: bookings)
        scenario.weights.proposalMoved = weight
        return scenario
    }

    @Test("a seen proposal keeps its specialist, day and time when nothing changed")
    func keepsSeenPlace() throws {
        let outcome = try B.solve(Self.scenario(weight: 5))
        #expect(outcome.booking("R-1").map { SeenProposals.keeps($0, placeOf: Self.seen()) } == true)
        #expect(outcome.served == ["R-1", "R-2"])
        #expect(outcome.report.softTerms.stability == 0)
        #expect(PlanKPIs(scenario: outcome.scenario, plan: outcome.plan).stability == Stability(seen: 1, kept: 1))
    }

    @Test(
        "with the term lighter than the gain (or without it) the request moves to its preferred specialist",
        arguments: [0, 0.5])
    func movesForAGain(weight: Double) throws {
        let outcome = try B.solve(Self.scenario(weight: weight))
        #expect(outcome.booking("R-1")?.specialistId == "SP-02")
        #expect(PlanKPIs(scenario: outcome.scenario, plan: outcome.plan).stability == Stability(seen: 1, kept: 0))
        #expect(outcome.report.softTerms.stability == weight)
    }

    @Test("served weight comes first: an urgent request takes the seen slot when it is the only one")
    func servedOutranksStability() throws {
        var scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "09:00", "09:30"))],
            requests: [B.request("R-1", at: "E-58-0001"), B.request("R-2", at: "E-58-0001", .urgent)],
            bookings: [Self.seen(start: "09:00", day: B.monday)])
        scenario.weights.proposalMoved = 1000
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-2"])
        #expect(outcome.report.softTerms.stability == 1000, "dropping a seen proposal counts as moving it")
    }

    @Test("the checker charges every kind of move and agrees with the solver's score")
    func checkerCountsMoves() throws {
        let scenario = Self.scenario(weight: 5)
        let outcome = try B.solve(scenario)
        #expect(outcome.report.score == outcome.plan.score, "solver and checker compute the same objective")
        let checker = try PlanChecker(scenario: scenario)
        let kept = outcome.plan
        func moved(_ change: (inout Booking) -> Void) -> Double {
            var plan = kept
            let index = plan.bookings.firstIndex { $0.requestId == "R-1" }!
            change(&plan.bookings[index])
            return checker.check(plan).softTerms.stability
        }
        #expect(moved { _ in } == 0)
        #expect(moved { $0.specialistId = "SP-02" } == 5, "another specialist")
        #expect(
            moved {
                $0.start += 3600
                $0.end += 3600
            } == 5, "another start")
        #expect(moved { $0.host = .unitVisit("U-01") } == 5, "another host")
        #expect(moved { $0.status = .cancelled } == 5, "no longer booked")
        #expect(moved { $0.room = 2 } == 0, "a room is not a move")
    }

    @Test("a seen time between two ticks can never be kept, by the solver as by the checker")
    func offGridSeenTime() throws {
        var shifted = Self.scenario(weight: 5)
        shifted.bookings[0].start += 30  // 14:00:30, between two minutes
        shifted.bookings[0].end += 30
        let outcome = try B.solve(shifted)
        #expect(outcome.report.softTerms.stability == 5)
        #expect(outcome.report.score == outcome.plan.score)
    }

    @Test("an incumbent plan's proposed bookings replace the scenario's as the ones seen")
    func seeingAPlan() throws {
        let base = Self.scenario(weight: 5, bookings: [])
        let first = try B.solve(Self.scenario(weight: 0)).plan
        var confirmed = Self.seen(day: B.thursday)
        confirmed.id = "B-R-2"
        confirmed.requestId = "R-2"
        confirmed.status = .confirmed
        var scenario = base
        scenario.bookings = [confirmed, Self.seen(day: B.friday)]
        let seeing = scenario.seeing(first)
        #expect(seeing.bookings.filter { $0.status == .proposed }.map(\.requestId) == ["R-1"])
        #expect(seeing.bookings.filter { $0.status == .proposed }.first?.start == first.booking("R-1")?.start)
        #expect(seeing.bookings.contains(confirmed), "a pinned booking stays and is not seen twice")
        #expect(ScenarioValidator().validate(seeing).isEmpty)
    }
}

extension Plan {
    fileprivate func booking(_ request: ConsultationRequest.ID) -> Booking? {
        bookings.first { $0.requestId == request }
    }
}
