import TelemedCore
import TelemedSolver

/// Why a change was refused: each hard rule of `docs/constraints.md` it would break against the
/// committed bookings and routes, with the other bookings involved. Nothing was written.
///
/// ```swift
/// if case .conflict(let conflict) = try store.confirm("B-7", actor: "site:E-58-0001") {
///     print(conflict)  // booking B-7 cannot be confirmed: specialistNoOverlap with B-3: …
/// }
/// ```
public struct BookingConflict: Hashable, Sendable, CustomStringConvertible {
    /// One broken rule.
    public struct Collision: Hashable, Sendable {
        /// The rule, named as in the plan checker.
        public var constraint: ConstraintName
        /// Committed bookings without which this rule would hold; empty when the change breaks the
        /// rule on its own (a closed site, a unit not there).
        public var otherBookingIds: [Booking.ID]
        /// The plan checker's message.
        public var message: String
    }

    /// What was to change: `booking B-7` or `route of unit U-01 on 2027-01-12`.
    public var subject: String
    public var collisions: [Collision]

    /// The constraints broken, in contract order.
    public var constraints: [ConstraintName] {
        ConstraintName.allCases.filter { name in collisions.contains { $0.constraint == name } }
    }

    /// Every other booking involved.
    public var otherBookingIds: [Booking.ID] { Array(Set(collisions.flatMap(\.otherBookingIds))).sorted() }

    public var description: String {
        let parts = collisions.map { collision in
            let others = collision.otherBookingIds.map(\.rawValue).joined(separator: ", ")
            return collision.constraint.rawValue + (others.isEmpty ? "" : " with \(others)") + ": \(collision.message)"
        }
        return "\(subject) cannot be committed: " + parts.joined(separator: "; ")
    }
}

/// What a checked change gave: the value written, or the conflict that stopped it.
public enum ChangeOutcome<Value: Hashable & Sendable>: Hashable, Sendable {
    case accepted(Value)
    case conflict(BookingConflict)

    public var value: Value? {
        if case .accepted(let value) = self { value } else { nil }
    }

    public var conflict: BookingConflict? {
        if case .conflict(let conflict) = self { conflict } else { nil }
    }
}

public typealias BookingOutcome = ChangeOutcome<Booking>
