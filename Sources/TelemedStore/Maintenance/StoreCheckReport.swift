/// What `TelemedDatabase.check()` found: SQLite's own verdict on the file, then the project's
/// invariants over the committed bookings.
public struct StoreCheckReport: Hashable, Sendable {
    /// Lines of `PRAGMA integrity_check` and `PRAGMA foreign_key_check` other than `ok`.
    public var integrityProblems: [String]
    /// Committed bookings that collide, as `constraint: message` lines of the plan checker.
    public var invariantProblems: [String]
    /// Confirmed and done bookings checked.
    public var committedBookings: Int

    public var isValid: Bool { integrityProblems.isEmpty && invariantProblems.isEmpty }
    public var problems: [String] { integrityProblems + invariantProblems }
}
