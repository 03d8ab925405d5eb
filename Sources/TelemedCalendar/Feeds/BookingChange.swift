import Foundation
import TelemedCore

/// What a feed needs to know about a booking's history beyond the booking itself: when it last
/// changed (LAST-MODIFIED, DTSTAMP) and, once cancelled, when (a cancelled event stays in feeds
/// for ``FeedOptions/cancelledRetention`` so clients remove it, then is dropped).
///
/// A plan file has no history: ``FeedSource`` then takes the publication time for both.
public struct BookingChange: Hashable, Sendable {
    public var lastModified: Date
    public var cancelledAt: Date?

    public init(lastModified: Date, cancelledAt: Date? = nil) {
        self.lastModified = lastModified
        self.cancelledAt = cancelledAt
    }
}
