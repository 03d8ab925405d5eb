extension SolutionState {
    /// Gives floating unit-hosted bookings of one day new units and starts, as
    /// ``RouteScheduler`` timed them in the sequences a local search move built: `routes` holds
    /// every changed unit with each booking's new start, in visiting order. Bookings that change
    /// unit are taken out and placed again (specialist and review kept); the others are re-timed.
    /// Every changed day is refreshed (timing and slack) once everything has moved.
    mutating func rearrange(day: Int, routes changed: [(unit: Int, starts: [(request: Int, start: Int)])]) {
        var moving: [(request: Int, unit: Int, start: Int)] = []
        for (unit, starts) in changed {
            for (request, start) in starts where placements[request]?.unit != unit {
                moving.append((request, unit, start))
            }
        }
        let before = moving.map { placements[$0.request]! }
        for move in moving { remove(move.request) }
        for (unit, starts) in changed {
            for (request, start) in starts where placements[request] != nil { retime(request, start: start) }
            refresh(unit: unit, day: day)
        }
        for (move, old) in zip(moving, before) {
            let duration = old.end - old.start
            place(
                move.request,
                Placement(
                    specialist: old.specialist, start: move.start, end: move.start + duration, review: old.review,
                    unit: move.unit, day: day))
        }
    }
}
