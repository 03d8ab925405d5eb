import TelemedCore

/// `requestOnce`: a request is booked at most once and is not both booked and unassigned.
/// Structural in the solver: a solution holds one optional placement per request
/// (``SolutionState/placements``); placing a placed request stops the program
/// (``SolutionState/place(_:_:)`` asks this unit), and a plan lists as unassigned exactly the
/// requests without a placement.
enum RequestOnce: SolverRule {
    static let name = ConstraintName.requestOnce

    /// Whether `request` is still to be placed: the only requests the search may place.
    @inline(__always)
    static func isUnplaced(_ request: Int, in state: SolutionState) -> Bool { state.placements[request] == nil }
}
