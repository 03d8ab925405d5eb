import Foundation

/// Choices a publisher makes for every feed.
public struct FeedOptions: Hashable, Sendable {
    /// One extra event per travel leg in unit route feeds (depot → first stop … last stop → depot).
    public var includeTravelLegs: Bool
    /// How long a cancelled booking stays in feeds, as `STATUS:CANCELLED`, after its cancellation.
    public var cancelledRetention: TimeInterval
    /// Minutes before a confirmed session (a unit's stop) its feed's `VALARM` goes off, per feed
    /// kind; a kind not listed carries no alarm. Tentative and cancelled events never do.
    public var alarms: [FeedKind: Int]

    public static let thirtyDays: TimeInterval = 30 * 86_400

    public init(
        includeTravelLegs: Bool = false, cancelledRetention: TimeInterval = FeedOptions.thirtyDays,
        alarms: [FeedKind: Int] = [:]
    ) {
        self.includeTravelLegs = includeTravelLegs
        self.cancelledRetention = cancelledRetention
        self.alarms = alarms
    }

    /// The alarm of an event of `kind` whose status is `status`, or nil.
    func alarm(_ kind: FeedKind, status: FeedEventStatus, summary: String) -> FeedAlarm? {
        guard status == .confirmed, let minutes = alarms[kind] else { return nil }
        return FeedAlarm(minutesBefore: minutes, description: "Rappel : \(summary)")
    }
}
