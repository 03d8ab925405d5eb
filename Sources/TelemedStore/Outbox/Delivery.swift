import Foundation
import TelemedCore

/// One event on its way to one destination: a webhook or an e-mail address.
public struct Delivery: Codable, Hashable, Sendable, Identifiable {
    public enum Channel: String, ClosedVocabulary, Hashable {
        case webhook, email
    }

    public enum State: String, ClosedVocabulary, Hashable {
        /// Waiting for its first try or its next one.
        case pending
        case delivered
        /// Given up: refused for good, or still failing 24 hours after the event.
        case dead
    }

    public var id: Int64
    public var event: NotificationEvent
    public var channel: Channel
    /// The webhook's id, or the address.
    public var target: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?

    public init(
        id: Int64, event: NotificationEvent, channel: Channel, target: String, state: State, attempts: Int,
        nextAttemptAt: Date, lastError: String?, deliveredAt: Date?
    ) {
        self.id = id
        self.event = event
        self.channel = channel
        self.target = target
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}
