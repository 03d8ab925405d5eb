import Foundation

/// Failures the store reports in its own terms, so callers can map them to HTTP statuses or exit codes
/// without knowing GRDB.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file was migrated by a newer telemed; writing to it with this build could corrupt it.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// A text value holds a NUL character: SQLite's C text API would silently cut it there, and an
    /// audit log must never store less than it was given.
    case invalidText(field: String)
    /// A `before` or `after` payload is not valid JSON.
    case invalidJSON(field: String)

    public var description: String {
        switch self {
        case .newerDatabase(let path, let unknown):
            "The database \(path) was created by a newer version of telemed "
                + "(unknown migrations: \(unknown.joined(separator: ", "))). "
                + "Upgrade telemed or open another file; it was left untouched."
        case .invalidText(let field):
            "The field \(field) contains a NUL character, which the store refuses."
        case .invalidJSON(let field):
            "The field \(field) is not valid JSON."
        }
    }
}
