import CLibical
import Foundation
import TelemedCore

/// How the local times of one property are read: UTC (`…Z`), in a zone, floating (no zone: the
/// calendar's X-WR-TIMEZONE, else Europe/Paris), or as dates (all-day: Europe/Paris days).
///
/// Holds a zone owned by the parsed calendar or by libical's builtin cache: use it only while the
/// calendar it was resolved from is alive, inside the reading function.
enum TimeFrame {
    case utc
    case zone(OpaquePointer)
    case date

    /// The UTC instant of `time` read in this frame; a date that is no calendar date (a mangled
    /// file: month 13, day 0) is a malformed calendar, not a crash.
    func instant(_ time: icaltimetype) throws(CalendarError) -> Date {
        switch self {
        case .date:
            return WallClock.paris.instant(on: try Self.date(of: time), at: .midnight)
        case .utc:
            return Date(
                timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(time, icaltimezone_get_utc_timezone())))
        case .zone(let zone):
            return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(time, zone)))
        }
    }

    /// The calendar date `time` names.
    static func date(of time: icaltimetype) throws(CalendarError) -> LocalDate {
        guard let date = LocalDate(year: Int(time.year), month: Int(time.month), day: Int(time.day)) else {
            throw .malformedCalendar(detail: "\(time.year)-\(time.month)-\(time.day) is not a calendar date")
        }
        return date
    }

    /// The frame of `time`, taken from `property` (its TZID), resolved against the calendar's
    /// VTIMEZONEs, then libical's builtin zones, then Windows zone names.
    static func of(
        _ time: icaltimetype, property: OpaquePointer, calendar: OpaquePointer, floating: OpaquePointer, uid: String
    ) throws(CalendarError) -> TimeFrame {
        if icaltime_is_date(time) != 0 { return .date }
        if icaltime_is_utc(time) != 0 { return .utc }
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let tzidText = icalparameter_get_tzid(parameter)
        else { return .zone(floating) }
        let tzid = String(cString: tzidText)
        guard let zone = resolveZone(tzid, calendar: calendar) else { throw .unknownTimeZone(tzid: tzid, uid: uid) }
        return .zone(zone)
    }

    /// A zone by TZID as calendar files write it; nil when nothing defines it.
    static func resolveZone(_ tzid: String, calendar: OpaquePointer) -> OpaquePointer? {
        let name = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if WindowsTimeZones.utcNames.contains(name) { return icaltimezone_get_utc_timezone() }
        return icalcomponent_get_timezone(calendar, tzid)
            ?? icaltimezone_get_builtin_timezone(name)
            ?? icaltimezone_get_builtin_timezone_from_tzid(name)
            ?? WindowsTimeZones.iana[name].flatMap { icaltimezone_get_builtin_timezone($0) }
    }
}
