/// A recurring local-time window on one day of the week: opening hours, a specialist's weekly
/// availability, the hours an accompanying nurse is present.
///
/// ```json
/// {"day": "tuesday", "start": "14:00", "end": "18:00"}
/// ```
public struct WeeklyWindow: Codable, Hashable, Sendable {
    public var day: Weekday
    public var start: LocalTime
    public var end: LocalTime

    public init(day: Weekday, start: LocalTime, end: LocalTime) {
        self.day = day
        self.start = start
        self.end = end
    }

    /// Length in minutes; zero or negative when the window is malformed.
    public var minutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }

    /// True when both windows fall on the same day and share at least one minute.
    public func overlaps(_ other: WeeklyWindow) -> Bool {
        day == other.day && start < other.end && other.start < end
    }
}
