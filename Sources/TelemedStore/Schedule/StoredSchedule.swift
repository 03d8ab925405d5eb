import Foundation
import TelemedCore

/// The schedule as the store holds it now, read in one snapshot: the scenario with its bookings as
/// they are (any status, current versions), the stored unit routes, each booking's history from the
/// audit log, and the scenario's travel model. Feeds are drawn from it.
///
/// ```swift
/// let schedule = try database.schedule()
/// let source = try FeedSource(scenario: schedule.scenario, plan: schedule.plan, travel: schedule.travel,
///                             changes: schedule.changes, publishedAt: .now)
/// ```
public struct StoredSchedule: Sendable {
    public var scenario: Scenario
    /// Stored unit routes, by unit then date.
    public var routes: [UnitRoute]
    /// Every stored booking's last change and cancellation time. A booking that came with the
    /// imported scenario and never changed has the import's time.
    public var changes: [Booking.ID: BookingChange]
    public var travel: any TravelModel

    public init(
        scenario: Scenario, routes: [UnitRoute], changes: [Booking.ID: BookingChange], travel: any TravelModel
    ) {
        self.scenario = scenario
        self.routes = routes
        self.changes = changes
        self.travel = travel
    }

    /// Every stored booking on the stored routes, in the shape feeds and the checker read.
    ///
    /// A stored schedule was never scored as a whole (bookings arrive one by one): `score` is zero
    /// and `unassigned` empty, so this plan is for drawing and checking, not for comparing plans.
    public var plan: Plan {
        Plan(
            bookings: scenario.bookings, visits: routes.flatMap(\.visits), unitDays: routes.map(\.day),
            unassigned: [], score: PlanScore(hard: 0, served: 0, soft: 0))
    }
}
