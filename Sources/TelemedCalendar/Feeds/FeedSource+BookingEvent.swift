import Foundation
import TelemedCore

extension FeedSource {
    /// A booking's event in a feed of `kind`: UID, SEQUENCE, STATUS and LAST-MODIFIED come from the
    /// booking and its history; the feed says what it shows and when.
    func bookingEvent(
        _ booking: Booking, in kind: FeedKind, during interval: UTCInterval, summary: String, lines: [String],
        at site: Site, url: String? = nil, geo: GeoPoint? = nil
    ) -> FeedEvent {
        let shown = status(of: booking) ?? .cancelled
        // Done and missed sessions also show as confirmed; their time has passed, so no alarm.
        let alarm = booking.status == .confirmed ? options.alarm(kind, status: shown, summary: summary) : nil
        return FeedEvent(
            uid: FeedUID.booking(booking.id, in: kind), summary: summary, description: lines.joined(separator: "\n"),
            location: FeedText.location(of: site), start: interval.start, end: interval.end,
            stamp: change(of: booking).lastModified, sequence: booking.version, status: shown, url: url, geo: geo,
            alarm: alarm)
    }
}
