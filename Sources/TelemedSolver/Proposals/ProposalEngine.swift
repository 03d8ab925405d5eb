import Foundation
import TelemedCore

/// Real-time proposals for a new request: the cheapest feasible insertions into the plan in
/// force, every booking of which holds its place (nothing moves while a staff member waits), on
/// up to `limit` different hosts (a specialist at the site, or a unit day), best first by the
/// plan's own soft costs (lateness, continuity, added driving).
///
/// The scenario is compiled once, at `init`; each call compiles just the new request.
///
/// ```swift
/// let engine = try ProposalEngine(scenario: scenario, plan: plan)
/// let set = try engine.proposals(for: request)   // set.proposals.first?.start
/// ```
public struct ProposalEngine: Sendable {
    let problem: SchedulingProblem
    let state: SolutionState

    /// `plan`: the bookings in force (cancelled ones are ignored); proposed ones hold their place
    /// like confirmed ones.
    public init(scenario: Scenario, plan: Plan, travelModel: (any TravelModel)? = nil) throws(SolverError) {
        var held = scenario
        held.bookings = plan.bookings.filter { $0.status.occupiesResources }.map { booking in
            var holding = booking
            if holding.status == .proposed { holding.status = .confirmed }
            return holding
        }
        problem = try SchedulingProblem(scenario: held, travelModel: travelModel)
        state = SolutionState(problem: problem)
    }

    private init(problem: SchedulingProblem, state: SolutionState) {
        self.problem = problem
        self.state = state
    }

    /// This engine with `booking`, a new booking of `request`, holding its place as if the engine
    /// had been built with it: the request is compiled alone and the booking placed, without
    /// compiling the scenario again (a rebuild takes about 100 ms on the demo region, this a
    /// fraction of a millisecond). Nil for a booking hosted by a unit (its route would change
    /// too) or naming a specialist the scenario does not know: build a new engine then.
    public func holding(_ booking: Booking, of request: ConsultationRequest) -> ProposalEngine? {
        let index = problem.availability.index
        guard booking.status.occupiesResources, booking.host.unitId == nil, booking.requestId == request.id,
            booking.specialistId.map({ index.specialists[$0] != nil }) ?? true,
            let extended = try? problem.appending(request)
        else { return nil }
        var state = SolutionState(extending: state, to: extended)
        state.place(
            extended.requests.count - 1,
            SchedulingProblem.placement(of: booking, index: index, timeline: extended.timeline))
        return ProposalEngine(problem: extended, state: state)
    }

    /// Up to `limit` proposals starting at `notBefore` or later (the present: slots that have
    /// passed are never offered); none, with the blocking constraint, when the request cannot be
    /// served. An invalid request (unknown site, impossible duration…) throws
    /// ``SolverError/invalidScenario(_:)`` listing every problem with its field.
    public func proposals(
        for request: ConsultationRequest, limit: Int = 3, notBefore: Date? = nil
    ) throws(SolverError) -> ProposalSet {
        try KnownReference.refuseInvalid(request, joining: problem.scenario, index: problem.availability.index)
        let extended = try problem.appending(request, notBefore: notBefore)
        let state = SolutionState(extending: state, to: extended)
        let index = extended.requests.count - 1
        let options = InsertionSearch(problem: extended).options(for: index, in: state, keep: max(1, limit))
        guard !options.isEmpty else {
            return ProposalSet(
                proposals: [],
                // The engine's state holds only pinned facts: it is the explainer's "alone".
                unavailable: UnassignedExplainer(problem: extended, alone: state).explain(index, in: state))
        }
        let timeline = extended.timeline
        let scenario = extended.scenario
        let due = request.dueDate(delays: scenario.urgencyDelays)
        return ProposalSet(
            proposals: options.map { option in
                let placement = option.placement
                let start = timeline.date(ofTick: placement.start)
                var records: (visits: [Visit], unitDay: UnitDay?) = ([], nil)
                if let unit = placement.unit {
                    var booked = state
                    booked.place(index, option: option)
                    records = PlanBuilder(problem: extended).unitDayRecords(unit: unit, day: placement.day, in: booked)
                }
                return Proposal(
                    specialistId: placement.specialist.map { scenario.specialists[$0].id }, siteId: request.siteId,
                    start: start, end: timeline.date(ofTick: placement.end),
                    review: placement.review.map {
                        UTCInterval(start: timeline.date(ofTick: $0.start), end: timeline.date(ofTick: $0.end))
                    },
                    host: placement.unit.map { .unitVisit(scenario.units[$0].id) } ?? .siteEquipment,
                    daysLate: max(0, due.days(to: timeline.localDate(ofTick: placement.start))),
                    unitVisits: records.visits, unitDay: records.unitDay)
            }, unavailable: nil)
    }
}
