import Foundation
import TelemedCore

/// What a re-optimisation may no longer change at an instant: a booking that has started, and a
/// unit day past its route cut-off (`MobileUnit.routeCutoff` on the day before, Paris time), whose
/// crew may already hold the route (calendar clients refresh late; see DESIGN.md).
///
/// ```swift
/// let freeze = ScheduleFreeze(units: scenario.units, at: .now)
/// if freeze.isFrozen(booking) { /* keep it where it is */ }
/// ```
public struct ScheduleFreeze: Sendable {
    public let now: Date
    private let cutoffs: [MobileUnit.ID: LocalTime]

    public init(units: some Sequence<MobileUnit>, at now: Date) {
        self.now = now
        cutoffs = Dictionary(units.map { ($0.id, $0.routeCutoff) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the unit day's route is frozen: its cut-off (the day before) has passed.
    public func isFrozen(_ key: UnitDayKey) -> Bool {
        let cutoff = cutoffs[key.unitId] ?? MobileUnit.defaultRouteCutoff
        return now >= WallClock.paris.instant(on: key.date.adding(days: -1), at: cutoff)
    }

    /// Whether the booking (as it is, or as a plan would place it) is frozen: it has started, or
    /// it is hosted on a frozen unit day.
    public func isFrozen(_ booking: Booking) -> Bool {
        if booking.start <= now { return true }
        guard let unitId = booking.host.unitId else { return false }
        return isFrozen(UnitDayKey(unitId: unitId, date: WallClock.paris.localDate(of: booking.start)))
    }
}
