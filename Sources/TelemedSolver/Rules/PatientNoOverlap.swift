import TelemedCore

/// `patientNoOverlap`: the site intervals of one patient do not overlap. ``FitQuery`` searches
/// starts clear of the patient's ``SolutionState/patientBusy``; regret insertion and the blocking
/// ruin ask ``collides(_:patient:_:patient:)``.
enum PatientNoOverlap: NoOverlapRule {
    static let name = ConstraintName.patientNoOverlap

    /// Whether two placements, of patients `first` and `second`, hold one patient at once.
    @inline(__always)
    static func collides(_ a: Placement, patient first: Int, _ b: Placement, patient second: Int) -> Bool {
        first == second && a.siteInterval.overlaps(b.siteInterval)
    }

    /// The patient's bookings except `excluded` (a unit day being re-timed orders its own).
    static func busy(_ patient: Int, in state: SolutionState, excluding excluded: Set<Int>) -> BusyList {
        var busy = BusyList()
        for entry in state.patientBusy[patient].entries where !excluded.contains(entry.owner) {
            busy.insert(entry.interval, owner: entry.owner)
        }
        return busy
    }
}
