import Foundation
import TelemedCore
import TelemedSolver

/// The confirm re-check: the plan checker run on a committed slice, once with the change and once
/// without. The violations the change adds are the conflict; violations already in the committed
/// data (an imported booking on a day without a route, say) are not the change's fault.
///
/// One definition of each rule: nothing here decides what collides; `PlanChecker` does.
struct ConflictCheck {
    let slice: CommittedSlice
    let checker: PlanChecker

    init(slice: CommittedSlice, travel: any TravelModel) {
        self.slice = slice
        checker = PlanChecker(scenario: slice.scenario, travel: travel)
    }

    /// Nil when `changed` (new states, committed) and `route` break no rule the committed data did
    /// not already break.
    func conflict(subject: String, changed: [Booking], route: UnitRoute?) -> BookingConflict? {
        let after = slice.plan(adding: changed, replacing: route)
        let before = slice.plan(adding: [], replacing: nil)
        let added = addedViolations(after: after, before: before)
        guard !added.isEmpty else { return nil }
        let addedCounts = Dictionary(added.map { ($0.constraint, 1) }, uniquingKeysWith: +)
        let collisions = added.map { violation in
            BookingConflict.Collision(
                constraint: violation.constraint,
                otherBookingIds: others(
                    involvedIn: violation, after: after, before: before, count: addedCounts[violation.constraint]!),
                message: violation.message)
        }
        return BookingConflict(subject: subject, collisions: collisions)
    }

    /// Violations of `after` that `before` does not have, counted as a multiset.
    private func addedViolations(after: Plan, before: Plan) -> [PlanViolation] {
        let afterViolations = checker.violations(after)
        guard !afterViolations.isEmpty else { return [] }
        var remaining = Dictionary(checker.violations(before).map { ($0, 1) }, uniquingKeysWith: +)
        return afterViolations.filter { violation in
            guard let count = remaining[violation], count > 0 else { return true }
            remaining[violation] = count - 1
            return false
        }
    }

    /// The committed bookings without which `violation` disappears: those its message names,
    /// each confirmed by checking the slice without it.
    private func others(involvedIn violation: PlanViolation, after: Plan, before: Plan, count: Int) -> [Booking.ID] {
        let named = slice.competitors.filter {
            violation.bookingId == $0.id || violation.message.contains($0.id.rawValue)
        }
        return named.filter { competitor in
            var afterWithout = after
            var beforeWithout = before
            afterWithout.bookings.removeAll { $0.id == competitor.id }
            beforeWithout.bookings.removeAll { $0.id == competitor.id }
            let remaining = addedViolations(after: afterWithout, before: beforeWithout)
            return remaining.filter { $0.constraint == violation.constraint }.count < count
        }.map(\.id).sorted()
    }
}
