/// The days an activity report covers, `from` and `to` both included, as local dates
/// (Europe/Paris). Never reversed, and at most ``maximumDays`` long, so a typo in a year is refused
/// rather than read as a decade.
///
/// ```swift
/// let first = try ActivityPeriod(from: try LocalDate("2027-01-01"), to: try LocalDate("2027-03-31"))
/// first.months.map(\.description)   // ["2027-01", "2027-02", "2027-03"]
/// ```
public struct ActivityPeriod: Hashable, Sendable {
    public let from: LocalDate
    public let to: LocalDate

    /// Ten years and their leap days.
    public static let maximumDays = 3_653

    public init(from: LocalDate, to: LocalDate) throws(ActivityPeriodError) {
        guard from <= to else { throw .reversed(from: from, to: to) }
        let days = from.days(to: to) + 1
        guard days <= Self.maximumDays else { throw .tooLong(days: days) }
        self.from = from
        self.to = to
    }

    /// The current month so far and the `count − 1` months before it, ending on `today`.
    public static func lastMonths(_ count: Int, endingOn today: LocalDate) -> ActivityPeriod {
        let first = CalendarMonth(of: today).previous(max(0, count - 1)).first
        return try! ActivityPeriod(from: first, to: today)
    }

    /// Every day of the period, in order.
    public var days: [LocalDate] { from.through(to) }

    /// Every month the period touches, in order (the first and last may be partial).
    public var months: [CalendarMonth] {
        var months = [CalendarMonth(of: from)]
        while let last = months.last, last < CalendarMonth(of: to) { months.append(last.next) }
        return months
    }
}

extension ActivityPeriod: Codable {
    private enum CodingKeys: String, CodingKey { case from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                from: try c.decode(LocalDate.self, forKey: .from), to: try c.decode(LocalDate.self, forKey: .to))
        } catch let error as ActivityPeriodError {
            throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
    }
}

/// Why a period cannot be reported on, said so a person can correct it.
public enum ActivityPeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case reversed(from: LocalDate, to: LocalDate)
    case tooLong(days: Int)

    public var description: String {
        switch self {
        case .reversed(let from, let to):
            "the period starts on \(from), after it ends on \(to): give the earlier date first"
        case .tooLong(let days):
            "the period is \(days) days long; at most \(ActivityPeriod.maximumDays) (ten years) are reported at once"
        }
    }
}
