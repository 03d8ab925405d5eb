import CLibical
import Foundation
import TelemedCore

/// Reads the busy time of someone's own calendar (an export from Google Calendar, Outlook,
/// Thunderbird…) with libical.
///
/// Busy means a VEVENT that is not `TRANSP:TRANSPARENT`, not `STATUS:CANCELLED` and not marked free
/// by Outlook (`X-MICROSOFT-CDO-BUSYSTATUS:FREE`). Recurring events are expanded (RRULE with
/// COUNT, UNTIL, BYDAY…, RDATE), minus EXDATEs, with RECURRENCE-ID overrides replacing the
/// occurrence they name. Times are read in their TZID (the file's VTIMEZONE, else libical's
/// builtin zones, else a Windows zone name), in UTC, or, when floating, in the calendar's
/// X-WR-TIMEZONE (else Europe/Paris); all-day events cover Europe/Paris days.
///
/// ```swift
/// let busy = try BusyTimeReader.busyIntervals(in: icsText, within: window)
/// ```
public enum BusyTimeReader {
    /// More occurrences than this in one event is a rule no person's calendar needs.
    static let occurrenceLimit = 200_000

    /// The busy intervals inside `window`, clipped to it, merged where they overlap or touch, sorted.
    public static func busyIntervals(in text: String, within window: UTCInterval) throws(CalendarError)
        -> [UTCInterval]
    {
        guard !text.utf8.contains(0) else { throw .malformedCalendar(detail: "the file contains a NUL byte") }
        guard let root = icalparser_parse_string(text) else {
            throw .malformedCalendar(detail: "no BEGIN:VCALENDAR … END:VCALENDAR block")
        }
        defer { icalcomponent_free(root) }
        let calendars: [OpaquePointer]
        switch icalcomponent_isa(root) {
        case ICAL_VCALENDAR_COMPONENT: calendars = [root]
        case ICAL_XROOT_COMPONENT: calendars = LibicalTree.children(of: root, ICAL_VCALENDAR_COMPONENT)
        default: calendars = []
        }
        guard !calendars.isEmpty else { throw .malformedCalendar(detail: "no VCALENDAR component") }
        var busy: [UTCInterval] = []
        for calendar in calendars {
            try LibicalTree.checkErrors(of: calendar, context: "the calendar")
            busy += try busyIntervals(of: calendar, within: window)
        }
        return busy.compactMap { clipped($0, to: window) }.merged()
    }

    private static func busyIntervals(of calendar: OpaquePointer, within window: UTCInterval) throws(CalendarError)
        -> [UTCInterval]
    {
        let floating = floatingZone(of: calendar)
        var masters: [String: [EventOccurrences]] = [:]
        var overrides: [String: [EventOccurrences]] = [:]
        for (position, vevent) in LibicalTree.children(of: calendar, ICAL_VEVENT_COMPONENT).enumerated() {
            let uid = icalcomponent_get_uid(vevent).map { String(cString: $0) } ?? "#\(position + 1)"
            try LibicalTree.checkErrors(of: vevent, context: "the event \(uid)")
            let event = try EventOccurrences(vevent, uid: uid, calendar: calendar, floating: floating, within: window)
            if event.recurrenceKey == nil {
                masters[uid, default: []].append(event)
            } else {
                overrides[uid, default: []].append(event)
            }
        }
        var busy: [UTCInterval] = []
        for (uid, events) in masters {
            let replaced = Set((overrides[uid] ?? []).compactMap(\.recurrenceKey))
            for event in events where event.isBusy {
                busy += event.occurrences.filter { !replaced.contains($0.key) }.map(\.interval)
            }
        }
        for event in overrides.values.joined() where event.isBusy {
            busy += event.occurrences.map(\.interval)
        }
        return busy
    }

    /// The zone of floating times: X-WR-TIMEZONE when libical knows it, else Europe/Paris.
    private static func floatingZone(of calendar: OpaquePointer) -> OpaquePointer {
        if let name = LibicalTree.extensionValue("X-WR-TIMEZONE", in: calendar),
            let zone = TimeFrame.resolveZone(name, calendar: calendar)
        {
            return zone
        }
        return icaltimezone_get_builtin_timezone(ParisTimeZoneComponent.tzid) ?? icaltimezone_get_utc_timezone()
    }

    private static func clipped(_ interval: UTCInterval, to window: UTCInterval) -> UTCInterval? {
        let result = UTCInterval(start: max(interval.start, window.start), end: min(interval.end, window.end))
        return result.isEmpty ? nil : result
    }
}
