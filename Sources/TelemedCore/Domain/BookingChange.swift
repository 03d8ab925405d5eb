import Foundation

/// What is known of a booking's history beyond the booking itself: when it last changed and, once
/// cancelled, when. Feeds show it as LAST-MODIFIED and DTSTAMP, and keep a cancelled event for a
/// while so calendar clients remove it; the store reads it from its audit log.
///
/// A plan file has no history: feeds then take the publication time for both.
public struct BookingChange: Hashable, Sendable {
    public var lastModified: Date
    public var cancelledAt: Date?

    public init(lastModified: Date, cancelledAt: Date? = nil) {
        self.lastModified = lastModified
        self.cancelledAt = cancelledAt
    }
}
