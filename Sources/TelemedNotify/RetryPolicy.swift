import Foundation

/// When a failed delivery is tried again: 10 s after the first failure, then twice as long each
/// time, at most an hour apart, until 24 hours after the event; then it is dead (an admin can
/// replay it). A refusal that says it is final (an SMTP 5xx) is dead at once.
public struct RetryPolicy: Hashable, Sendable {
    public var first: Duration
    public var longest: Duration
    public var giveUpAfter: Duration

    public init(
        first: Duration = .seconds(10), longest: Duration = .seconds(3600), giveUpAfter: Duration = .seconds(86_400)
    ) {
        self.first = first
        self.longest = longest
        self.giveUpAfter = giveUpAfter
    }

    /// The next try after `attempts` failed ones (1 after the first failure) at `now`, for an event
    /// that occurred at `occurredAt`; nil when the next would come after the deadline.
    public func nextAttempt(after attempts: Int, at now: Date, eventAt occurredAt: Date) -> Date? {
        let exponent = min(max(0, attempts - 1), 30)
        let wait = min(first.timeInterval * pow(2, Double(exponent)), longest.timeInterval)
        let next = now.addingTimeInterval(wait)
        return next <= occurredAt.addingTimeInterval(giveUpAfter.timeInterval) ? next : nil
    }
}
