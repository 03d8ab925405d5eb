import TelemedCore

/// The figures a planner compares between what-if runs (DESIGN.md, "regional planners"): how many
/// requests a plan serves and how fast, how far the units drive, how busy people and vehicles
/// are, and which constraints left requests out.
///
/// Computed from a scenario and a plan alone (`PlanKPIs+Compute.swift`), never from the solver's
/// bookkeeping, so it describes any plan file. Every list is sorted, so the JSON form is the same
/// bytes for the same plan.
///
/// ```swift
/// let kpis = PlanKPIs(scenario: scenario, plan: plan)
/// print(kpis.servedPercent ?? 0, kpis.byUrgency.first { $0.urgency == .urgent }?.waitMedianDays ?? 0)
/// ```
public struct PlanKPIs: Codable, Hashable, Sendable {
    /// Requests of the scenario.
    public var requests: Int
    /// Requests with a booking that is not cancelled.
    public var served: Int
    /// `100 × served / requests`; nil when the scenario has no request.
    public var servedPercent: Double?
    /// Served requests whose booking starts (local date) after their due date.
    public var late: Int
    /// One entry per urgency, `urgent` first.
    public var byUrgency: [UrgencyKPIs]
    /// One entry per mode, `live` first.
    public var byMode: [ServedShare]
    /// One entry per department (code derived from the site's INSEE code) with requests, by code.
    public var byDepartment: [ServedShare]
    /// Σ `kilometres` of the plan's unit days.
    public var unitKilometres: Double
    /// Σ `drivingMinutes` of the plan's unit days, in hours.
    public var unitDrivingHours: Double
    /// Unit days that go out (the plan's `unitDays`).
    public var unitDaysUsed: Int
    /// Stops of all unit routes.
    public var visits: Int
    /// Booked specialist minutes against their availability over the horizon.
    public var specialistUtilisation: Utilisation
    /// Depot-to-depot minutes against the shift minutes of every working day of each unit.
    public var unitUtilisation: Utilisation
    /// Requests the plan leaves out.
    public var unassigned: Int
    /// Unassigned requests per blocking constraint, in the contract's order of constraints.
    public var unassignedByConstraint: [ConstraintCount]
    /// The proposed bookings staff had seen (the scenario's `proposed` ones) that the plan keeps
    /// and moves; absent when there were none.
    public var stability: Stability?
    /// Each campaign's patients planned, screened and missed, site by site; absent without campaigns.
    public var campaigns: [CampaignProgress]?

    public init(
        requests: Int, served: Int, servedPercent: Double?, late: Int, byUrgency: [UrgencyKPIs],
        byMode: [ServedShare], byDepartment: [ServedShare], unitKilometres: Double, unitDrivingHours: Double,
        unitDaysUsed: Int, visits: Int, specialistUtilisation: Utilisation, unitUtilisation: Utilisation,
        unassigned: Int, unassignedByConstraint: [ConstraintCount], stability: Stability? = nil,
        campaigns: [CampaignProgress]? = nil
    ) {
        self.requests = requests
        self.served = served
        self.servedPercent = servedPercent
        self.late = late
        self.byUrgency = byUrgency
        self.byMode = byMode
        self.byDepartment = byDepartment
        self.unitKilometres = unitKilometres
        self.unitDrivingHours = unitDrivingHours
        self.unitDaysUsed = unitDaysUsed
        self.visits = visits
        self.specialistUtilisation = specialistUtilisation
        self.unitUtilisation = unitUtilisation
        self.unassigned = unassigned
        self.unassignedByConstraint = unassignedByConstraint
        self.stability = stability
        self.campaigns = campaigns
    }
}
