import TelemedCore

/// One simulated day as `telemed simulate` prints it (one JSON object per line).
public struct SimulatedDay: Codable, Hashable, Sendable {
    /// 1 for the first day simulated.
    public var day: Int
    public var date: LocalDate
    /// Requests staff made.
    public var requests: Int
    /// Proposals staff confirmed (a reschedule's new booking counts too).
    public var booked: Int
    /// Requests with no proposal at all, or whose chosen proposal was taken meanwhile.
    public var notBooked: Int
    public var cancelled: Int
    public var rescheduled: Int
    /// Requests put on the waiting list (of `notBooked`).
    public var waitlisted: Int
    /// Slots held for waiting requests that the staff booked (counted in `booked`).
    public var offersBooked: Int
    /// Requests on the waiting list at the end of the day.
    public var waiting: Int
    /// Outcomes recorded at closing time for the day's confirmed sessions.
    public var done: Int
    public var noShow: Int
    public var notHeld: Int
    /// Open requests past their due date after the night's roll.
    public var overdue: Int
    /// Requests the night's roll placed into the window.
    public var placedByRoll: Int
    /// Hard-rule violations found by the plan checker over the window (weekly) and by
    /// `db check` (weekly); nil on the days they did not run.
    public var violations: Int?
    public var dbBytes: Int64
    public var proposalP99Ms: Double
    public var confirmP99Ms: Double
    public var rollSeconds: Double
}

/// The last line of `telemed simulate`: totals, and the first and last weeks side by side.
public struct SimulationSummary: Codable, Hashable, Sendable {
    /// Figures over seven days (or fewer when the run is shorter).
    public struct Week: Codable, Hashable, Sendable {
        public var days: Int
        public var requests: Int
        public var booked: Int
        public var proposalP99Ms: Double
        public var confirmP99Ms: Double
        public var rollSecondsMedian: Double
        public var rollSecondsMax: Double
    }

    public var days: Int
    public var violations: Int
    public var requests: Int
    public var booked: Int
    public var cancelled: Int
    public var rescheduled: Int
    public var dbBytes: Int64
    public var firstWeek: Week
    public var lastWeek: Week
}
