/// A local-time window that applies on every day it is used for: a unit's shift.
public struct TimeOfDayWindow: Codable, Hashable, Sendable {
    public var start: LocalTime
    public var end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }
}
