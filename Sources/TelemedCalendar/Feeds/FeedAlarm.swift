/// A reminder a calendar client shows before an event (`VALARM` with `ACTION:DISPLAY`), for the
/// clients that honour alarms in subscribed calendars (many ignore them, or let the user turn them
/// off: the day-before e-mail digest is the reminder telemed relies on).
public struct FeedAlarm: Hashable, Sendable {
    /// How long before the start the reminder shows, in minutes (1 to 10,080, a week).
    public var minutesBefore: Int
    /// The reminder's text (pseudonymous, like the event's).
    public var description: String

    public static let allowedMinutes = 1...10_080

    public init(minutesBefore: Int, description: String) {
        self.minutesBefore = minutesBefore
        self.description = description
    }
}
