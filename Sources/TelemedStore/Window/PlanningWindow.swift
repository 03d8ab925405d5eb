import Foundation
import TelemedCore

/// The dates a database plans: from its today (the last day the roll reached) through `end`,
/// which the roll keeps at least `weeks` weeks ahead. Days before `today` are history.
///
/// ```swift
/// let window = try database.planningWindow()
/// print(window.today, window.end, window.weeks)   // 2027-01-04 2027-02-28 8
/// ```
public struct PlanningWindow: Hashable, Sendable {
    public var today: LocalDate
    public var end: LocalDate
    /// How far ahead the roll keeps the window (`telemed db settings --window-weeks`).
    public var weeks: Int

    public init(today: LocalDate, end: LocalDate, weeks: Int) {
        self.today = today
        self.end = end
        self.weeks = weeks
    }

    /// Accepted window lengths, in weeks.
    public static let weekRange = 1...52

    /// The window once rolled to `date`: today moves there, and the end reaches `weeks` weeks
    /// ahead of it, never earlier than it was (an imported horizon may be longer).
    public func rolled(to date: LocalDate) -> PlanningWindow {
        PlanningWindow(today: date, end: max(end, date.adding(days: 7 * weeks - 1)), weeks: weeks)
    }
}
