/// A day of the week, Monday first (ISO 8601), as French weekly rules are written.
public enum Weekday: String, ClosedVocabulary, Hashable, Comparable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 for Monday … 7 for Sunday (ISO 8601).
    public var isoNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }

    /// Monday to Friday.
    public static let workingDays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}
