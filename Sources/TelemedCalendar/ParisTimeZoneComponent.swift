import CLibical
import Foundation

/// The Europe/Paris VTIMEZONE every feed ships.
///
/// libical's builtin zone is named `/freeassociation.sourceforge.net/Europe/Paris` and carries the
/// history since 1891; clients need the TZID the events name and only the rules in force, so this
/// clones it, renames it `Europe/Paris` and truncates it to 1996 onwards (last Sunday of March
/// 02:00 → +02:00, last Sunday of October 03:00 → +01:00).
public enum ParisTimeZoneComponent {
    /// The TZID written on the VTIMEZONE and on every local DTSTART/DTEND.
    public static let tzid = "Europe/Paris"

    /// 1996-01-01T00:00:00Z: the current EU rules apply from 1996.
    static let rulesInForceSince: time_t = 820_454_400

    /// The VTIMEZONE as iCalendar text, for inspection and tests.
    public static func text() throws(CalendarError) -> String {
        let component = try makeComponent()
        defer { icalcomponent_free(component) }
        return try Libical.text(of: component)
    }

    /// A new VTIMEZONE that the caller owns: add it to a parent or free it.
    static func makeComponent() throws(CalendarError) -> OpaquePointer {
        // The builtin component belongs to the zone: clone it, never free or edit it.
        guard let builtin = icaltimezone_get_builtin_timezone(tzid),
            let shared = icaltimezone_get_component(builtin)
        else { throw .timeZoneUnavailable(tzid) }
        guard let copy = icalcomponent_new_clone(shared) else { throw Libical.lastError() }
        guard let tzidProperty = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY) else {
            icalcomponent_free(copy)
            throw .libical("the builtin VTIMEZONE has no TZID")
        }
        icalproperty_set_tzid(tzidProperty, tzid)
        let start = icaltime_from_timet_with_zone(rulesInForceSince, 0, icaltimezone_get_utc_timezone())
        icaltimezone_truncate_vtimezone(copy, start, icaltime_null_time(), 1)
        return copy
    }
}
