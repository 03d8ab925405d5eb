import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `crew` work (the unit's crew alone), request loads against unit capacity, one-off site
/// openings and fine time resolution: what the Solomon yardstick relies on, tested on real
/// communes. The unit leaves Château-Chinon at 08:00; Moulins-Engilbert is 23.7 min away.
@Suite("Solver plans crew work, loads, openings and ticks")
struct SolverConstraintCrewTests {
    typealias B = SolverConstraintBuilder

    static func crewRequest(_ id: String, at site: String, load: Int? = nil, minutes: Int = 20) -> ConsultationRequest {
        B.request(id, at: site, specialty: .screening, mode: .crew, minutes: minutes, load: load)
    }

    static func scenario(
        sites: [Site], requests: [ConsultationRequest], capacity: Int? = nil, ticksPerMinute: Int? = nil
    ) -> Scenario {
        B.scenario(
            sites: sites, specialists: [], units: [B.unit(setup: 0, capacity: capacity)], requests: requests,
            ticksPerMinute: ticksPerMinute)
    }

    @Test("crew work is hosted by the unit and names no specialist")
    func crewOnUnit() throws {
        let outcome = try B.solve(
            Self.scenario(
                sites: [B.site("E-58-0001", in: .moulinsEngilbert)],
                requests: [Self.crewRequest("R-1", at: "E-58-0001")]))
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.booking("R-1")?.specialistId == nil)
    }

    @Test(
        "capacity counts loads: two loads of 6 do not fit a capacity of 10, they fit 12",
        arguments: [(10, 1), (12, 2)])
    func capacityCountsLoads(capacity: Int, served: Int) throws {
        let sites = [B.site("E-58-0001", in: .moulinsEngilbert), B.site("E-58-0002", in: .luzy)]
        let outcome = try B.solve(
            Self.scenario(
                sites: sites,
                requests: [
                    Self.crewRequest("R-1", at: "E-58-0001", load: 6),
                    Self.crewRequest("R-2", at: "E-58-0002", load: 6),
                ], capacity: capacity))
        #expect(outcome.served.count == served)
        if served == 1 { #expect(outcome.constraint(outcome.unassigned[0]) == "unitRouteFeasible") }
    }

    @Test(
        "a site with one-off openings is visited only then; its weekly hours no longer apply",
        arguments: [(true, "14:00"), (false, "08:24")])
    func oneOffOpenings(restricted: Bool, expectedStart: String) throws {
        var site = B.site("E-58-0001", in: .moulinsEngilbert, open: B.weekdays("08:00", "18:00"))
        if restricted {
            site.openings = [UTCInterval(start: B.at(B.monday, "14:00"), end: B.at(B.monday, "14:30"))]
        }
        let outcome = try B.solve(Self.scenario(sites: [site], requests: [Self.crewRequest("R-1", at: "E-58-0001")]))
        #expect(outcome.startTime("R-1") == expectedStart)
    }

    @Test(
        "travel rounds up to a tick, not to a minute, when the scenario counts thousandths",
        arguments: [(1000, true), (1, false)])
    func tickResolution(ticksPerMinute: Int, fractional: Bool) throws {
        let site = B.site("E-58-0001", in: .moulinsEngilbert, open: B.weekdays("08:00", "18:00"))
        let scenario = Self.scenario(
            sites: [site], requests: [Self.crewRequest("R-1", at: "E-58-0001")], ticksPerMinute: ticksPerMinute)
        let outcome = try B.solve(scenario)
        let booking = try #require(outcome.booking("R-1"))
        let model = try scenario.travel.makeModel(relativeTo: nil)
        let unit = scenario.units[0]
        let exact = try model.leg(
            from: TravelPoint(id: "depot:U-01", location: unit.depot.location),
            to: TravelPoint(id: site.id.rawValue, location: site.location)
        ).minutes
        let late = booking.start.timeIntervalSince(B.at(B.monday, "08:00")) - exact * 60
        #expect(late >= 0)
        // One tick is 60 ms at 1,000 per minute; a whole minute otherwise.
        #expect(fractional ? late < 0.06 : late > 0.06)
    }
}
