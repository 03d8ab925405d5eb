import Foundation
import TelemedCore

/// What applying a re-optimisation's plan did to the live schedule
/// (``DatabaseBookingStore/apply(_:to:readFrom:entityGeneration:actor:at:)``): counts of proposed bookings rescheduled,
/// cancelled, added and left as they were, of unit routes replaced, removed and kept, and each
/// change left out because the live schedule moved between the run's reading and the apply.
///
/// ```json
/// {"added": 2, "cancelled": 1, "committedChanged": 1, "rescheduled": 14, "routesKept": 0,
///  "routesRemoved": 0, "routesReplaced": 6, "skipped": 1, "unchanged": 40,
///  "skips": [{"constraint": "specialistNoOverlap", "reason": "collides", "requestId": "R-0042"}]}
/// ```
public struct PlanApplication: Codable, Hashable, Sendable {
    /// Why a request's change was left out; its booking stays as it was.
    public enum SkipReason: String, Codable, Hashable, Sendable {
        /// The request's bookings changed after the run read them (confirmed, cancelled or moved
        /// by someone): that person's decision stands.
        case changedSinceRun
        /// The request is on the waiting list without a slot: the list's offers serve it.
        case waiting
        /// The new placement breaks a rule against a booking committed after the run read the
        /// schedule, or against hours or availability changed since (an imported calendar).
        case collides
        /// The placement is on a unit day whose route was kept, because the plan's route would
        /// break a booking committed after the run read the schedule.
        case routeKept
        /// The booking has started, or its unit day (as it is or as the plan would place it) is
        /// past its route cut-off: the crew may already hold the route.
        case frozen
    }

    /// One change left out.
    public struct Skip: Codable, Hashable, Sendable {
        public var requestId: ConsultationRequest.ID
        public var reason: SkipReason
        /// For `collides`: the first rule the placement would break.
        public var constraint: ConstraintName?

        public init(requestId: ConsultationRequest.ID, reason: SkipReason, constraint: ConstraintName? = nil) {
            self.requestId = requestId
            self.reason = reason
            self.constraint = constraint
        }
    }

    public var appliedAt: Date
    /// Proposed bookings moved (time, specialist, host or room), same id, version raised.
    public var rescheduled = 0
    /// Proposed bookings whose request the plan leaves unassigned.
    public var cancelled = 0
    /// New proposed bookings for requests that had none.
    public var added = 0
    /// Proposed bookings the plan places exactly where they were.
    public var unchanged = 0
    /// Requests whose change was left out; the reasons are in `skips`.
    public var skipped = 0
    public var routesReplaced = 0
    /// Stored unit days the plan no longer uses (no committed booking on them).
    public var routesRemoved = 0
    /// Unit days whose stored route was kept: the plan's would break a committed booking, or the
    /// day is past its route cut-off.
    public var routesKept = 0
    /// Committed (confirmed or done) bookings new or changed since the run read the schedule.
    public var committedChanged = 0
    public var skips: [Skip] = []

    public init(appliedAt: Date) {
        self.appliedAt = appliedAt
    }

    /// Booking and route changes written (what the metrics count).
    public var changes: [(name: String, count: Int)] {
        [
            ("rescheduled", rescheduled), ("cancelled", cancelled), ("added", added), ("skipped", skipped),
            ("routeReplaced", routesReplaced), ("routeRemoved", routesRemoved), ("routeKept", routesKept),
        ]
    }

    mutating func skip(_ requestId: ConsultationRequest.ID, _ reason: SkipReason, constraint: ConstraintName? = nil) {
        skipped += 1
        skips.append(Skip(requestId: requestId, reason: reason, constraint: constraint))
    }
}
