import Foundation
import TelemedCore

/// Everything feeds are drawn from: a scenario, a plan made from it, the travel model (for the
/// legs between stops), what is known of each booking's history, and the publication time.
///
/// Every reference of the plan is checked once here, so the feed builders can look things up
/// without failing.
///
/// ```swift
/// let source = try FeedSource(scenario: scenario, plan: plan, travel: model, publishedAt: .now)
/// let feeds = try FeedPublisher(source: source).feeds()
/// ```
public struct FeedSource: Sendable {
    public let scenario: Scenario
    public let plan: Plan
    public let travel: any TravelModel
    public let changes: [Booking.ID: BookingChange]
    /// When the feeds are published: decides which cancelled bookings are still shown.
    public let publishedAt: Date
    public let options: FeedOptions

    private let index: ScenarioIndex

    public init(
        scenario: Scenario, plan: Plan, travel: any TravelModel, changes: [Booking.ID: BookingChange] = [:],
        publishedAt: Date, options: FeedOptions = FeedOptions()
    ) throws(CalendarError) {
        self.scenario = scenario
        self.plan = plan
        self.travel = travel
        self.changes = changes
        self.publishedAt = publishedAt
        self.options = options
        self.index = ScenarioIndex(scenario)
        try checkReferences()
    }

    func site(_ id: Site.ID) -> Site { scenario.sites[index.sites[id]!] }
    func request(_ id: ConsultationRequest.ID) -> ConsultationRequest { scenario.requests[index.requests[id]!] }
    func specialist(_ id: Specialist.ID) -> Specialist { scenario.specialists[index.specialists[id]!] }
    func unit(_ id: MobileUnit.ID) -> MobileUnit { scenario.units[index.units[id]!] }

    /// The booking's history, or the publication time when nothing is known.
    func change(of booking: Booking) -> BookingChange {
        changes[booking.id]
            ?? BookingChange(lastModified: publishedAt, cancelledAt: booking.status == .cancelled ? publishedAt : nil)
    }

    /// The STATUS a booking is shown with, or nil once it has left feeds (cancelled longer ago
    /// than the retention).
    func status(of booking: Booking) -> FeedEventStatus? {
        switch booking.status {
        case .proposed: return .tentative
        case .confirmed, .done, .noShow: return .confirmed
        // A slot held for a waiting request is not a session yet: it appears once booked.
        case .held: return nil
        // A session that was not held shows as cancelled, then leaves like a cancellation.
        case .cancelled, .notHeld:
            let change = change(of: booking)
            let cancelledAt = change.cancelledAt ?? change.lastModified
            return publishedAt.timeIntervalSince(cancelledAt) < options.cancelledRetention ? .cancelled : nil
        }
    }

    /// The plan's bookings that feeds still show, by start then id.
    var shownBookings: [Booking] {
        plan.bookings.filter { status(of: $0) != nil }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    private func checkReferences() throws(CalendarError) {
        for booking in plan.bookings {
            guard index.requests[booking.requestId] != nil else {
                throw .unknownReference(kind: "request", id: booking.requestId.rawValue)
            }
            guard index.sites[booking.siteId] != nil else {
                throw .unknownReference(kind: "site", id: booking.siteId.rawValue)
            }
            if let specialistId = booking.specialistId, index.specialists[specialistId] == nil {
                throw .unknownReference(kind: "specialist", id: specialistId.rawValue)
            }
            if let unitId = booking.host.unitId, index.units[unitId] == nil {
                throw .unknownReference(kind: "unit", id: unitId.rawValue)
            }
        }
        for visit in plan.visits {
            guard index.units[visit.unitId] != nil else {
                throw .unknownReference(kind: "unit", id: visit.unitId.rawValue)
            }
            guard index.sites[visit.siteId] != nil else {
                throw .unknownReference(kind: "site", id: visit.siteId.rawValue)
            }
        }
    }
}
