/// Why a feed could not be built or read back.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libical found no zone data: install `tzdata` (libical reads `/usr/share/zoneinfo`).
    case timeZoneUnavailable(String)
    /// A text holds a NUL character, which the C API would silently cut.
    case invalidText(field: String)
    /// An event ends before it starts.
    case invalidInterval(uid: String)
    /// libical refused an operation; the payload is its own error text.
    case libical(String)

    public var description: String {
        switch self {
        case .timeZoneUnavailable(let tzid):
            "libical has no zone data for \(tzid): install the tzdata package."
        case .invalidText(let field):
            "The field \(field) contains a NUL character."
        case .invalidInterval(let uid):
            "The event \(uid) ends before it starts."
        case .libical(let message):
            "libical error: \(message)"
        }
    }
}
