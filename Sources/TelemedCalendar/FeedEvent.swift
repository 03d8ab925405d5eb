import Foundation
import TelemedCore

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
    /// DTSTAMP (UTC). Feeds use the last change of what the event shows, so an unchanged feed is
    /// the same bytes at every publication.
    public var stamp: Date
    /// LAST-MODIFIED (UTC); `stamp` when nil.
    public var lastModified: Date?
    /// The booking version: clients keep the event with the highest SEQUENCE.
    public var sequence: Int
    public var status: FeedEventStatus
    /// URL, e.g. the specialist's video room. Must be an absolute URI without spaces or controls.
    public var url: String?
    /// GEO: where the event happens.
    public var geo: GeoPoint?
    /// Written as `VALUE=DATE`: the local dates of `start` and `end` (exclusive), no times.
    public var allDay: Bool
    /// `TRANSP:TRANSPARENT`: shown without making anyone busy (public holidays).
    public var transparent: Bool
    /// A `VALARM` inside the event: the reminder a client shows before it.
    public var alarm: FeedAlarm?
    /// `CATEGORIES`, one property each, so a client can colour or filter them (a campaign stop).
    public var categories: [String]

    public init(
        uid: String, summary: String, description: String? = nil, location: String? = nil,
        start: Date, end: Date, stamp: Date, lastModified: Date? = nil, sequence: Int = 0,
        status: FeedEventStatus = .confirmed, url: String? = nil, geo: GeoPoint? = nil, allDay: Bool = false,
        transparent: Bool = false, alarm: FeedAlarm? = nil, categories: [String] = []
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.stamp = stamp
        self.lastModified = lastModified
        self.sequence = sequence
        self.status = status
        self.url = url
        self.geo = geo
        self.allDay = allDay
        self.transparent = transparent
        self.alarm = alarm
        self.categories = categories
    }

    /// Refuses what libical would write differently from what it was given.
    func validate() throws(CalendarError) {
        let texts =
            [("uid", uid), ("summary", summary), ("description", description), ("location", location)]
            + categories.map { ("categories", Optional($0)) }
        for case (let field, let value?) in texts where value.utf8.contains(0) {
            throw .invalidText(field: field)
        }
        guard end >= start else { throw .invalidInterval(uid: uid) }
        // A URI value is written as is (libical escapes only TEXT): a line break would start a
        // new property, so anything but a plain absolute URI is refused.
        if let url {
            let plain = url.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
            guard plain, let scheme = URL(string: url)?.scheme, !scheme.isEmpty else {
                throw .invalidURL(uid: uid)
            }
        }
        if let alarm {
            guard FeedAlarm.allowedMinutes.contains(alarm.minutesBefore) else { throw .invalidAlarm(uid: uid) }
            guard !alarm.description.utf8.contains(0) else { throw .invalidText(field: "alarm") }
        }
        if let geo {
            guard (-90...90).contains(geo.latitude), (-180...180).contains(geo.longitude) else {
                throw .invalidGeo(uid: uid)
            }
        }
    }
}
