/// Why a feed could not be built, or a calendar could not be read.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libical found no zone data: install `tzdata` (libical reads `/usr/share/zoneinfo`).
    case timeZoneUnavailable(String)
    /// A text holds a NUL character, which the C API would silently cut.
    case invalidText(field: String)
    /// An event ends before it starts.
    case invalidInterval(uid: String)
    /// A URL holds spaces or control characters, or is not absolute; it would be written as is.
    case invalidURL(uid: String)
    /// A GEO point outside latitude −90…90 or longitude −180…180.
    case invalidGeo(uid: String)
    /// An alarm set off after the event starts, or more than a week before it.
    case invalidAlarm(uid: String)
    /// A plan or a command names something the scenario does not hold.
    case unknownReference(kind: String, id: String)
    /// The travel model cannot give a leg of a unit's route (e.g. a matrix without that pair).
    case travelUnavailable(String)
    /// A calendar file libical cannot read, or reads with errors; `detail` says where.
    case malformedCalendar(detail: String)
    /// An event names a TZID that neither the file's VTIMEZONEs nor the zone data know.
    case unknownTimeZone(tzid: String, uid: String)
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
        case .invalidURL(let uid):
            "The event \(uid) has a URL that is not a plain absolute URI (no spaces or line breaks): fix the link."
        case .invalidGeo(let uid):
            "The event \(uid) has coordinates outside latitude -90…90 and longitude -180…180."
        case .invalidAlarm(let uid):
            "The event \(uid) has an alarm that is not 1 minute to a week (10,080 minutes) before it starts."
        case .unknownReference(let kind, let id):
            "There is no \(kind) \(id) in the scenario: check the id, or use the scenario the plan was made from."
        case .travelUnavailable(let message):
            "A travel leg of a unit route is unknown: \(message)."
        case .malformedCalendar(let detail):
            "Not a readable iCalendar file: \(detail)."
        case .unknownTimeZone(let tzid, let uid):
            "The event \(uid) uses the time zone \(tzid), which the file does not define and the zone data does not know: export the calendar with its VTIMEZONE or in UTC."
        case .libical(let message):
            "libical error: \(message)"
        }
    }
}
