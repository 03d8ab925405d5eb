import TelemedCore

/// `pinnedUnchanged`: confirmed and done bookings stay exactly as they are, and recurring stops
/// keep their times. Structural in the solver: pinned bookings are placed when a solution is
/// created (``SolutionState/init(problem:pinning:)``) and never moved or removed (this unit is
/// what ``SolutionState/remove(_:)``, the ruins and the route re-timing ask); a recurring stop is
/// a ``Route/Stop`` with a `pinnedWindow`, kept even when empty and never re-timed.
enum PinnedUnchanged: SolverRule {
    static let name = ConstraintName.pinnedUnchanged

    /// Whether the search may move `request` or take it out of the solution.
    @inline(__always)
    static func mayMove(_ request: Int, in state: SolutionState) -> Bool { !state.isPinned[request] }
}
