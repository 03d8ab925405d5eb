/// The activity figures that add up across months, sites and specialties.
///
/// `requests` counts requests by their release date; every other figure counts bookings by the
/// local date (Europe/Paris) of their start. `bookings` are the sessions that were confirmed at some
/// point: `bookings = confirmed + done + noShow + notHeld + cancelled`. Proposals never confirmed
/// are not counted.
public struct ActivityCounts: Codable, Hashable, Sendable {
    /// Requests made (released) in the period.
    public var requests: Int
    /// Sessions confirmed at some point, whatever became of them.
    public var bookings: Int
    /// Still confirmed: to come, or held without an outcome recorded yet.
    public var confirmed: Int
    public var done: Int
    public var noShow: Int
    public var notHeld: Int
    /// Confirmed sessions cancelled afterwards (a proposal withdrawn before confirmation is not).
    public var cancelled: Int

    public init(
        requests: Int = 0, bookings: Int = 0, confirmed: Int = 0, done: Int = 0, noShow: Int = 0, notHeld: Int = 0,
        cancelled: Int = 0
    ) {
        self.requests = requests
        self.bookings = bookings
        self.confirmed = confirmed
        self.done = done
        self.noShow = noShow
        self.notHeld = notHeld
        self.cancelled = cancelled
    }

    public static let zero = ActivityCounts()

    public static func + (lhs: ActivityCounts, rhs: ActivityCounts) -> ActivityCounts {
        ActivityCounts(
            requests: lhs.requests + rhs.requests, bookings: lhs.bookings + rhs.bookings,
            confirmed: lhs.confirmed + rhs.confirmed, done: lhs.done + rhs.done, noShow: lhs.noShow + rhs.noShow,
            notHeld: lhs.notHeld + rhs.notHeld, cancelled: lhs.cancelled + rhs.cancelled)
    }
}

/// What a unit's stored routes add up to: days on the road, stops made, kilometres driven.
public struct UnitActivity: Codable, Hashable, Sendable {
    public var days: Int
    public var stops: Int
    public var kilometres: Double

    public init(days: Int = 0, stops: Int = 0, kilometres: Double = 0) {
        self.days = days
        self.stops = stops
        self.kilometres = kilometres
    }

    public static let zero = UnitActivity()

    public static func + (lhs: UnitActivity, rhs: UnitActivity) -> UnitActivity {
        UnitActivity(
            days: lhs.days + rhs.days, stops: lhs.stops + rhs.stops, kilometres: lhs.kilometres + rhs.kilometres)
    }
}
