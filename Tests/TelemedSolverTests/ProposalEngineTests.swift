import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Proposals for a staff member's new request against the plan in force.
@Suite("Proposals for a new request")
struct ProposalEngineTests {
    typealias B = SolverConstraintBuilder

    /// Two EHPADs, two dermatologists, a unit with a dermatoscope; a plan for four requests.
    static func world() throws -> (Scenario, Plan) {
        let sites = [
            B.site("E-58-0001", in: .moulinsEngilbert), B.site("E-58-0002", in: .luzy, equipment: [.videoCart]),
        ]
        let scenario = B.scenario(
            through: B.wednesday, sites: sites, specialists: [B.specialist("SP-01"), B.specialist("SP-02")],
            units: [B.unit(equipment: [.videoCart, .dermatoscope])],
            requests: [
                B.request("R-1", at: "E-58-0001"), B.request("R-2", at: "E-58-0001", preferred: "SP-02"),
                B.request("R-3", at: "E-58-0002", mode: .async, needs: [.dermatoscope]),
                B.request("R-4", at: "E-58-0002"),
            ])
        let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: 1, iterations: 50)).plan
        return (scenario, plan)
    }

    /// The plan with the proposal booked as a new proposed booking (and, for a unit, its day
    /// replaced by the proposal's).
    static func booking(_ proposal: Proposal, for request: ConsultationRequest, in plan: Plan) -> Plan {
        var booked = plan
        if let day = proposal.unitDay {
            booked.visits.removeAll { $0.unitId == day.unitId && $0.date == day.date }
            booked.visits += proposal.unitVisits
            booked.unitDays.removeAll { $0.unitId == day.unitId && $0.date == day.date }
            booked.unitDays.append(day)
        }
        booked.bookings.append(
            Booking(
                id: "B-NEW", requestId: request.id, specialistId: proposal.specialistId, siteId: proposal.siteId,
                start: proposal.start, end: proposal.end, review: proposal.review, host: proposal.host,
                status: .proposed))
        return booked
    }

    @Test("no proposal starts before the present: a request made at 14:00 is not offered the morning")
    func nothingInThePast() throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        let request = B.request("R-NOW", at: "E-58-0002", .urgent)
        let morning = try engine.proposals(for: request).proposals
        let now = WallClock.paris.instant(on: scenario.horizon.start, at: LocalTime(hour: 14, minute: 0)!)
        // Without the present, an urgent request is offered the first day's morning.
        #expect(morning.contains { $0.start < now })
        let later = try engine.proposals(for: request, notBefore: now).proposals
        #expect(!later.isEmpty)
        #expect(later.allSatisfy { $0.start >= now })
    }

    @Test(
        "every proposal fits the plan in force: booked, the checker finds no violation",
        arguments: [ConsultationMode.live, .async])
    func proposalsAreFeasible(mode: ConsultationMode) throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        let request = B.request(
            "R-NEW", at: "E-58-0002", .urgent, mode: mode, needs: mode == .async ? [.dermatoscope] : [])
        let set = try engine.proposals(for: request)
        #expect(!set.proposals.isEmpty && set.proposals.count <= 3 && set.unavailable == nil)
        var extended = scenario
        extended.requests.append(request)
        for proposal in set.proposals {
            let report = try PlanChecker(scenario: extended).check(Self.booking(proposal, for: request, in: plan))
            #expect(report.isValid, "\(proposal): \(report.violations.map(\.description))")
        }
        // Distinct hosts: a specialist at the site, or a unit day.
        let hosts = set.proposals.map { proposal in
            let day = WallClock.paris.localDate(of: proposal.start)
            return proposal.host == .siteEquipment ? "\(proposal.specialistId!)" : "\(proposal.host) \(day)"
        }
        #expect(Set(hosts).count == hosts.count)
        if mode == .async { #expect(set.proposals.allSatisfy { $0.host == .unitVisit("U-01") && $0.review != nil }) }
    }

    @Test("an engine given a new booking offers exactly what an engine built with it offers")
    func holdingMatchesRebuild() throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        let request = B.request("R-NEW", at: "E-58-0001", .urgent)
        let taken = try #require(try engine.proposals(for: request).proposals.first { $0.host == .siteEquipment })
        let booking = Booking(
            id: "B-NEW", requestId: request.id, specialistId: taken.specialistId, siteId: taken.siteId,
            start: taken.start, end: taken.end, review: taken.review, host: taken.host, status: .confirmed)
        var extended = scenario
        extended.requests.append(request)
        let rebuilt = try ProposalEngine(scenario: extended, plan: Self.booking(taken, for: request, in: plan))
        let followed = try #require(engine.holding(booking, of: request))
        let probes = [
            B.request("R-P1", at: "E-58-0001", .urgent), B.request("R-P2", at: "E-58-0001", patient: "P-R-NEW"),
            B.request("R-P3", at: "E-58-0002", mode: .async, needs: [.dermatoscope]),
            B.request("R-P4", at: "E-58-0002", .soon, preferred: "SP-01"),
        ]
        for probe in probes {
            #expect(try followed.proposals(for: probe) == rebuilt.proposals(for: probe), "\(probe.id)")
        }
        // The slot the booking took is no longer offered to the same kind of request.
        let again = try followed.proposals(for: probes[0]).proposals
        #expect(!again.contains { $0.specialistId == taken.specialistId && $0.start == taken.start })
    }

    @Test("a booking hosted by a unit changes a route: the engine asks to be rebuilt")
    func holdingRefusesUnitBookings() throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        let request = B.request("R-NEW", at: "E-58-0002", mode: .async, needs: [.dermatoscope])
        let taken = try #require(try engine.proposals(for: request).proposals.first)
        #expect(taken.host == .unitVisit("U-01"))
        let booking = Booking(
            id: "B-NEW", requestId: request.id, specialistId: taken.specialistId, siteId: taken.siteId,
            start: taken.start, end: taken.end, review: taken.review, host: taken.host, status: .confirmed)
        #expect(engine.holding(booking, of: request) == nil)
    }

    @Test("a request nobody can serve gets no proposal and the blocking constraint")
    func noProposal() throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        let request = B.request("R-NEW", at: "E-58-0001", released: B.wednesday, earliest: B.wednesday)
        #expect(!(try engine.proposals(for: request).proposals.isEmpty))
        // The same request when the site is closed on the only day it may happen.
        var closed = scenario
        closed.sites[0].closedDates = [B.date(B.wednesday)]
        let closedEngine = try ProposalEngine(scenario: closed, plan: plan)
        let none = try closedEngine.proposals(for: request)
        #expect(none.proposals.isEmpty)
        #expect(none.unavailable?.constraint == .siteOpen)
    }

    @Test("an invalid request is refused with each field named, and an id already used too")
    func invalidRequest() throws {
        let (scenario, plan) = try Self.world()
        let engine = try ProposalEngine(scenario: scenario, plan: plan)
        var request = B.request("R-1", at: "E-58-0099", minutes: -5)
        request.patientRef = "Jean\r\nDupont"
        #expect {
            try engine.proposals(for: request)
        } throws: { error in
            guard case .invalidScenario(let lines) = error as? SolverError else { return false }
            return lines.contains { $0.hasPrefix("id:") } && lines.contains { $0.hasPrefix("siteId:") }
                && lines.contains { $0.hasPrefix("durationMinutes:") } && lines.contains { $0.hasPrefix("patientRef:") }
        }
    }
}
