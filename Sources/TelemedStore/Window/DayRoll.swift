import Foundation
import TelemedCore

/// What rolling the planning window onto one new day did, as recorded on its plan run
/// (kind `roll`) and in the audit log (`window.roll`).
///
/// ```json
/// {"cancelled": 0, "conflictsLeft": 0, "date": "2027-01-05", "end": "2027-03-01", "moved": 1,
///  "newlyOverdue": 2, "openOverdue": 3, "placed": 4, "repaired": 1, "runId": "roll-2027-01-05",
///  "unplaced": 5}
/// ```
public struct DayRoll: Codable, Hashable, Sendable {
    /// The database's new today.
    public var date: LocalDate
    /// The window's last day after the roll.
    public var end: LocalDate
    /// The plan run that records the day.
    public var runId: String
    /// Open requests found past their due date on this day for the first time.
    public var newlyOverdue: Int
    /// Open requests past their due date after the day's placement (they stay planable).
    public var openOverdue: Int
    /// Proposed bookings that no longer held (hours or availability changed under them): each is
    /// moved, or cancelled when its request fits nowhere.
    public var repaired: Int
    /// New proposed bookings for open requests.
    public var placed: Int
    /// Proposed bookings moved by the repair.
    public var moved: Int
    /// Proposed bookings cancelled by the repair.
    public var cancelled: Int
    /// Open requests that still fit nowhere in the window.
    public var unplaced: Int
    /// Broken rules between committed bookings alone, which only a person can settle (the roll
    /// never moves a confirmed booking); `telemed db check` lists them.
    public var conflictsLeft: Int
}
