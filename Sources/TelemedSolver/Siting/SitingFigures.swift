import TelemedCore

/// The figures the siting search compares between a plan with a new place and the base plan:
/// requests served within their urgency's delay, the mean wait of those served, and the units'
/// kilometres. Computed from a scenario and its plan alone, like ``PlanKPIs``.
public struct SitingFigures: Codable, Hashable, Sendable {
    public var requests: Int
    public var served: Int
    /// Served requests whose booking starts (local date) on or before their due date.
    public var servedWithinDelay: Int
    /// Mean of (local date of the booking's start − release date) over served requests, in days;
    /// nil when none is served.
    public var meanWaitDays: Double?
    public var unitKilometres: Double
    /// Requests of the place added (its own demand), and of them those served within their delay;
    /// both 0 for a new unit.
    public var newPlaceRequests: Int
    public var newPlaceServedWithinDelay: Int

    /// The figures of `plan`; `kpis` are the plan's when already computed.
    public init(scenario: Scenario, plan: Plan, kpis: PlanKPIs? = nil, newSite: Site.ID? = nil) {
        let kpis = kpis ?? PlanKPIs(scenario: scenario, plan: plan)
        let bookings = plan.bookings.servingByRequest
        let clock = WallClock.paris
        var waits = 0
        var newRequests = 0
        var newWithinDelay = 0
        for request in scenario.requests {
            let isNew = newSite != nil && request.siteId == newSite
            if isNew { newRequests += 1 }
            guard let booking = bookings[request.id] else { continue }
            let start = clock.localDate(of: booking.start)
            waits += request.releaseDate.days(to: start)
            if isNew, start <= request.dueDate(delays: scenario.urgencyDelays) { newWithinDelay += 1 }
        }
        requests = kpis.requests
        served = kpis.served
        // `late` counts the served that start after their due date.
        servedWithinDelay = kpis.served - kpis.late
        meanWaitDays = kpis.served == 0 ? nil : Double(waits) / Double(kpis.served)
        unitKilometres = kpis.unitKilometres
        newPlaceRequests = newRequests
        newPlaceServedWithinDelay = newWithinDelay
    }
}
