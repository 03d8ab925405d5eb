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
    /// Days before the window, when asked for (``TelemedDatabase/schedule(pastDays:)``).
    public var past: Past
    /// Requests on the waiting list that hold no slot: re-optimisations leave them to the list's
    /// offers (``TelemedDatabase/waitingRequestIds()``).
    public var waiting: Set<ConsultationRequest.ID>

    /// Bookings, their requests and routes of the days just before the window: history, never
    /// planned again, shown by feeds so that what happened stays in subscribed calendars.
    public struct Past: Sendable {
        public var bookings: [Booking] = []
        public var requests: [ConsultationRequest] = []
        public var routes: [UnitRoute] = []

        public init(bookings: [Booking] = [], requests: [ConsultationRequest] = [], routes: [UnitRoute] = []) {
            self.bookings = bookings
            self.requests = requests
            self.routes = routes
        }
    }

    public init(
        scenario: Scenario, routes: [UnitRoute], changes: [Booking.ID: BookingChange], travel: any TravelModel,
        past: Past = Past(), waiting: Set<ConsultationRequest.ID> = []
    ) {
        self.scenario = scenario
        self.routes = routes
        self.changes = changes
        self.travel = travel
        self.past = past
        self.waiting = waiting
    }

    /// What feeds are drawn from: the window's scenario with the past days' requests added, and
    /// the plan with their bookings and routes (the scenario is then no longer a valid window: for
    /// drawing only).
    public var withPast: (scenario: Scenario, plan: Plan) {
        var scenario = scenario
        let known = Set(scenario.requests.map(\.id))
        scenario.requests += past.requests.filter { !known.contains($0.id) }
        var plan = plan
        plan.bookings = past.bookings + plan.bookings
        plan.visits = past.routes.flatMap(\.visits) + plan.visits
        plan.unitDays = past.routes.map(\.day) + plan.unitDays
        return (scenario, plan)
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
