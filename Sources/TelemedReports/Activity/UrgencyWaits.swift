import TelemedCore
import TelemedSolver

/// The waits of one urgency's sessions done in the period, against the urgency's delay. Wait = the
/// local date (Europe/Paris) of the session's start − the request's release date, in days, as the
/// what-if report and `PlanKPIs` count it; percentiles as `UrgencyKPIs.percentile` takes them
/// (linear between ranks). Median, p90 and share are absent when no session was done.
public struct UrgencyWaits: Codable, Hashable, Sendable {
    public var urgency: Urgency
    /// The stored scenario's delay for this urgency, in days.
    public var delayDays: Int
    /// Sessions done.
    public var sessions: Int
    /// Sessions done at most `delayDays` days after their request.
    public var withinDelay: Int
    public var withinDelayPercent: Double?
    public var medianDays: Double?
    public var p90Days: Double?

    public init(urgency: Urgency, delayDays: Int, counts: [WaitCount]) {
        self.urgency = urgency
        self.delayDays = delayDays
        let mine = counts.filter { $0.urgency == urgency }
        sessions = mine.reduce(0) { $0 + $1.sessions }
        withinDelay = mine.filter { $0.days <= delayDays }.reduce(0) { $0 + $1.sessions }
        withinDelayPercent =
            sessions == 0 ? nil : (1000 * Double(withinDelay) / Double(sessions)).rounded() / 10
        // One integer per session: a few thousand at most, never a booking row.
        let sorted = mine.sorted { $0.days < $1.days }.flatMap { Array(repeating: $0.days, count: $0.sessions) }
        medianDays = UrgencyKPIs.percentile(0.5, ofSorted: sorted)
        p90Days = UrgencyKPIs.percentile(0.9, ofSorted: sorted)
    }
}
