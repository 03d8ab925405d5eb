/// One unit's day: its stops in time order, each with the bookings it hosts.
struct Route: Sendable {
    struct Stop: Sendable {
        var site: Int
        /// A planner's recurring stop: its times are fixed and it stays even when empty.
        var pinnedWindow: TickInterval?
        /// Hosted bookings, sorted by start.
        var bookings: [BusyList.Entry] = []

        /// Arrival and departure: the pinned window (bookings fit inside it), or set-up before the
        /// first booking to the end of the last.
        func window(setup: Int) -> TickInterval {
            if let pinnedWindow { return pinnedWindow }
            return TickInterval(
                start: bookings[0].interval.start - setup, end: bookings.map(\.interval.end).max()!)
        }
    }

    var stops: [Stop] = []

    var hostedCount: Int { stops.reduce(0) { $0 + $1.bookings.count } }
    var isEmpty: Bool { stops.isEmpty }

    func stopIndex(ofSite site: Int) -> Int? { stops.firstIndex { $0.site == site } }

    /// The capacity the day's bookings use (``UnitRouteFeasible`` holds it to the unit's).
    func load(_ problem: SchedulingProblem) -> Int { Self.load(of: stops, problem) }

    static func load(of stops: [Stop], _ problem: SchedulingProblem) -> Int {
        stops.reduce(0) { total, stop in stop.bookings.reduce(total) { $0 + problem.requests[$1.owner].load } }
    }
}

/// The timing a feasible route day gets in the plan.
struct RouteTiming: Sendable {
    var leavesDepot: Int
    var returnsDepot: Int
    var lunch: TickInterval?
    var drivingTicks: Int
    var exactDrivingMinutes: Double
    var kilometres: Double
}
