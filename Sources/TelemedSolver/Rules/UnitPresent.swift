import TelemedCore

/// `unitPresent`: a unit-hosted booking lies inside a visit of its unit at the request's site,
/// after the set-up; `crew` work is always unit-hosted. Structural in the solver: a hosted
/// booking joins its unit's stop at the request's site (``SolutionState/place(_:_:)``), whose
/// arrival is the set-up before its first booking (``Route/Stop/window(setup:)``). This unit says
/// when a booking may start within a visit, and which requests the site's own equipment may host.
enum UnitPresent: SolverRule {
    static let name = ConstraintName.unitPresent

    /// The first start a visit arriving at `arrival` allows: after the set-up.
    @inline(__always)
    static func earliestStart(arrival: Int, setup: Int) -> Int { arrival + setup }

    /// Where a visit from `arrival` to `departure` can hold bookings.
    @inline(__always)
    static func bookingWindow(arrival: Int, departure: Int, setup: Int) -> TickInterval {
        TickInterval(start: earliestStart(arrival: arrival, setup: setup), end: departure)
    }

    /// Whether a request may be hosted by the site's own equipment: not `crew` work.
    static func siteMayHost(_ mode: ConsultationMode) -> Bool { mode != .crew }
}
