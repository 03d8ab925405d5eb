import Foundation

/// One VEVENT of a feed. Texts must hold a pseudonymous patient reference at most.
public struct FeedEvent: Equatable, Sendable {
    /// Stable across publications, so clients update the event instead of duplicating it.
    public var uid: String
    public var summary: String
    public var description: String?
    public var location: String?
    /// Written as local `Europe/Paris` time, seconds truncated.
    public var start: Date
    public var end: Date
    /// When this version was published (DTSTAMP, UTC).
    public var stamp: Date
    /// The booking version: clients keep the event with the highest SEQUENCE.
    public var sequence: Int
    public var status: FeedEventStatus

    public init(
        uid: String, summary: String, description: String? = nil, location: String? = nil,
        start: Date, end: Date, stamp: Date, sequence: Int = 0, status: FeedEventStatus = .confirmed
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.stamp = stamp
        self.sequence = sequence
        self.status = status
    }

    /// Refuses what libical would write differently from what it was given.
    func validate() throws(CalendarError) {
        let texts = [("uid", uid), ("summary", summary), ("description", description), ("location", location)]
        for case (let field, let value?) in texts where value.utf8.contains(0) {
            throw .invalidText(field: field)
        }
        guard end >= start else { throw .invalidInterval(uid: uid) }
    }
}
