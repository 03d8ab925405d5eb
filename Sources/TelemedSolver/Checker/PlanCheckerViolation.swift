import TelemedCore

/// One broken rule of `docs/constraints.md`, worded for the planner who has to fix it: the message
/// names the ids involved and gives times in Paris local time.
///
/// ```swift
/// PlanViolation(constraint: .roomFree, message: "site E-58-0001 has 1 room but …", bookingId: "B-5")
/// ```
public struct PlanViolation: Codable, Hashable, Sendable {
    public var constraint: ConstraintName
    public var message: String
    public var bookingId: Booking.ID?
    public var requestId: ConsultationRequest.ID?
    public var unitId: MobileUnit.ID?
    /// The local date concerned, when there is one (a unit day, a specialist's day).
    public var date: LocalDate?

    public init(
        constraint: ConstraintName, message: String, bookingId: Booking.ID? = nil,
        requestId: ConsultationRequest.ID? = nil, unitId: MobileUnit.ID? = nil, date: LocalDate? = nil
    ) {
        self.constraint = constraint
        self.message = message
        self.bookingId = bookingId
        self.requestId = requestId
        self.unitId = unitId
        self.date = date
    }
}

extension PlanViolation: CustomStringConvertible {
    /// `roomFree: site E-58-0001 …`
    public var description: String { "\(constraint.rawValue): \(message)" }
}

extension PlanViolation {
    /// Contract order of the constraint, then date, unit, booking, request and message: the same
    /// plan always lists its violations in the same order.
    static func isOrderedBefore(_ lhs: PlanViolation, _ rhs: PlanViolation) -> Bool {
        func key(_ v: PlanViolation) -> (Int, Int, String, String, String, String) {
            (
                ConstraintName.allCases.firstIndex(of: v.constraint) ?? 0, v.date?.daysSinceEpoch ?? Int.min,
                v.unitId?.rawValue ?? "", v.bookingId?.rawValue ?? "", v.requestId?.rawValue ?? "", v.message
            )
        }
        return key(lhs) < key(rhs)
    }
}
