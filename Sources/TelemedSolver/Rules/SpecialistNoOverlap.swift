import TelemedCore

/// `specialistNoOverlap`: a specialist's intervals (consultations and reviews) do not overlap.
/// ``FitQuery`` searches starts clear of the specialist's ``SolutionState/specialistBusy``;
/// regret insertion and the blocking ruin ask ``collides(_:_:)``.
enum SpecialistNoOverlap: NoOverlapRule {
    static let name = ConstraintName.specialistNoOverlap

    /// Whether two placements hold the same specialist at overlapping times.
    @inline(__always)
    static func collides(_ a: Placement, _ b: Placement) -> Bool {
        guard let specialist = a.specialist, specialist == b.specialist else { return false }
        return a.specialistInterval.overlaps(b.specialistInterval)
    }
}
