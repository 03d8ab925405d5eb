import CLibical
import Foundation

/// Converts instants to the iCalendar times a feed writes.
///
/// Local wall-clock fields come from Foundation's zoneinfo, the same source as the rest of telemed;
/// tests check that the shipped VTIMEZONE maps them back to the same instants.
enum ParisLocalTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: ParisTimeZoneComponent.tzid)!
        return calendar
    }()

    /// Floating local time (no zone): the caller adds `TZID=Europe/Paris`, since libical writes no
    /// TZID parameter for a zoned time. Seconds are truncated.
    static func localTime(_ date: Date) -> icaltimetype {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var time = icaltime_null_time()
        time.year = Int32(parts.year!)
        time.month = Int32(parts.month!)
        time.day = Int32(parts.day!)
        time.hour = Int32(parts.hour!)
        time.minute = Int32(parts.minute!)
        time.second = Int32(parts.second!)
        return time
    }

    /// The local date of `date` as an iCalendar DATE value (written `VALUE=DATE`).
    static func localDate(_ date: Date) -> icaltimetype {
        var time = localTime(date)
        time.hour = 0
        time.minute = 0
        time.second = 0
        time.is_date = 1
        return time
    }

    /// True in the hour repeated when clocks go back (02:00–02:59 on the last Sunday of October).
    ///
    /// Such a local time names two instants; RFC 5545 says the first, libical reads the second, so
    /// the feed writes these instants in UTC, which every client reads the same way.
    static func isAmbiguous(_ date: Date) -> Bool {
        let zone = calendar.timeZone
        let offset = zone.secondsFromGMT(for: date)
        return zone.secondsFromGMT(for: date - 3600) - offset == 3600
            || offset - zone.secondsFromGMT(for: date + 3600) == 3600
    }

    /// A UTC time, written with the `Z` suffix (for DTSTAMP).
    static func utcTime(_ date: Date) -> icaltimetype {
        icaltime_from_timet_with_zone(
            time_t(date.timeIntervalSince1970.rounded(.down)), 0, icaltimezone_get_utc_timezone())
    }

    /// A DTSTART or DTEND property: the local time of `date` tagged `TZID=Europe/Paris`, or UTC
    /// when that local time occurs twice.
    static func property(_ make: (icaltimetype) -> OpaquePointer?, _ date: Date) -> OpaquePointer? {
        if isAmbiguous(date) { return make(utcTime(date)) }
        guard let property = make(localTime(date)) else { return nil }
        icalproperty_set_parameter(property, icalparameter_new_tzid(ParisTimeZoneComponent.tzid))
        return property
    }
}
