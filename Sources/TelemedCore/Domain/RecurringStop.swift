/// A stop pinned on one weekday: every week, every `everyWeeks` weeks counted from `anchorDate`,
/// or on one week of the month ("the first Tuesday": `weekOfMonth: 1`; the last: `-1`).
///
/// ```swift
/// let fortnightly = RecurringStop(
///     day: .tuesday, siteId: "T-21-0001", arrival: nine, departure: noon,
///     everyWeeks: 2, anchorDate: try LocalDate("2027-01-05"))
/// fortnightly.occurs(on: try LocalDate("2026-12-22"))   // true: the anchor counts both ways
/// fortnightly.occurs(on: try LocalDate("2027-01-12"))   // false: the week off
/// ```
public struct RecurringStop: Codable, Hashable, Sendable {
    public var day: Weekday
    public var siteId: Site.ID
    public var arrival: LocalTime
    public var departure: LocalTime
    /// Every how many weeks (1…52); nil means every week.
    public var everyWeeks: Int?
    /// A date the stop happens, on `day`, from which the weeks are counted before and after.
    /// Required when `everyWeeks` is 2 or more, refused otherwise.
    public var anchorDate: LocalDate?
    /// Which `day` of the month the stop happens on: 1…4, or ``lastWeekOfMonth``.
    public var weekOfMonth: Int?

    /// `weekOfMonth` for the last `day` of the month (the 4th or the 5th).
    public static let lastWeekOfMonth = -1
    /// The values `weekOfMonth` accepts.
    public static let weeksOfMonth = [1, 2, 3, 4, lastWeekOfMonth]
    /// The values `everyWeeks` accepts: up to once a year.
    public static let everyWeeksRange = 1...52

    public init(
        day: Weekday, siteId: Site.ID, arrival: LocalTime, departure: LocalTime, everyWeeks: Int? = nil,
        anchorDate: LocalDate? = nil, weekOfMonth: Int? = nil
    ) {
        self.day = day
        self.siteId = siteId
        self.arrival = arrival
        self.departure = departure
        self.everyWeeks = everyWeeks
        self.anchorDate = anchorDate
        self.weekOfMonth = weekOfMonth
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            day: try c.decode(Weekday.self, forKey: .day),
            siteId: try c.decode(Site.ID.self, forKey: .siteId),
            arrival: try c.decode(LocalTime.self, forKey: .arrival),
            departure: try c.decode(LocalTime.self, forKey: .departure),
            everyWeeks: try c.decodeIfPresent(Int.self, forKey: .everyWeeks),
            anchorDate: try c.decodeIfPresent(LocalDate.self, forKey: .anchorDate),
            weekOfMonth: try c.decodeIfPresent(Int.self, forKey: .weekOfMonth)
        )
    }

    /// Whether the stop's pattern includes `date`: its weekday, then its weeks. Holidays and days
    /// the unit does not run are not the pattern's business: such an occurrence is skipped by the
    /// unit day, never moved to another date.
    public func occurs(on date: LocalDate) -> Bool {
        guard date.weekday == day else { return false }
        if let weekOfMonth {
            return weekOfMonth == Self.lastWeekOfMonth
                ? date.adding(days: 7).month != date.month : (date.day - 1) / 7 + 1 == weekOfMonth
        }
        guard let everyWeeks, everyWeeks > 1, let anchorDate else { return true }
        return anchorDate.days(to: date) % (7 * everyWeeks) == 0
    }

    /// True when the stop happens every week of its weekday.
    public var isWeekly: Bool { weekOfMonth == nil && (everyWeeks ?? 1) <= 1 }

    /// The pattern in words, for messages: `every tuesday`, `every 2 weeks on tuesdays from
    /// 2027-01-05`, `the first tuesday of the month`.
    public var cadence: String {
        if let weekOfMonth {
            let ordinals = [1: "first", 2: "second", 3: "third", 4: "fourth", Self.lastWeekOfMonth: "last"]
            return "the \(ordinals[weekOfMonth] ?? "#\(weekOfMonth)") \(day.rawValue) of the month"
        }
        if let everyWeeks, everyWeeks > 1 {
            return "every \(everyWeeks) weeks on \(day.rawValue)s" + (anchorDate.map { " from \($0)" } ?? "")
        }
        return "every \(day.rawValue)"
    }
}
