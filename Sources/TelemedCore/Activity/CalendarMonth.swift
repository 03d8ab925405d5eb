/// A month of the calendar, as the activity report groups by it: `2027-03`.
///
/// ```swift
/// let march = CalendarMonth(of: try LocalDate("2027-03-28"))
/// march.description   // "2027-03"
/// march.last          // 2027-03-31
/// march.next          // 2027-04
/// ```
public struct CalendarMonth: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    /// Returns nil for a month number outside 1…12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month `date` lies in.
    public init(of date: LocalDate) {
        year = date.year
        month = date.month
    }

    /// Parses `YYYY-MM`, the month prefix of a `YYYY-MM-DD` date.
    public init(_ text: String) throws(TimeFormatError) {
        guard let first = try? LocalDate(text + "-01") else { throw TimeFormatError.invalidDate(text) }
        self.init(of: first)
    }

    public var first: LocalDate { LocalDate(year: year, month: month, day: 1)! }

    public var last: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))!
    }

    public var next: CalendarMonth { CalendarMonth(of: last.adding(days: 1)) }

    /// The month `count` months before this one.
    public func previous(_ count: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) - count
        return CalendarMonth(year: index / 12, month: index % 12 + 1)!
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension CalendarMonth: CustomStringConvertible {
    /// `YYYY-MM`.
    public var description: String { String(first.description.prefix(7)) }
}

extension CalendarMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
