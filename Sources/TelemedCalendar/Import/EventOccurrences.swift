import CLibical
import Foundation
import TelemedCore

/// One VEVENT read into Swift values: whether it makes its owner busy, the occurrence it
/// replaces (RECURRENCE-ID) and its occurrences that reach into the window, each keyed by the
/// UTC instant of its original start.
struct EventOccurrences {
    struct Occurrence {
        var key: Date
        var interval: UTCInterval
    }

    /// How long each occurrence lasts: exact seconds, or whole days for all-day events.
    private enum Length {
        case seconds(TimeInterval)
        case days(Int)
    }

    var recurrenceKey: Date?
    var isBusy: Bool
    var occurrences: [Occurrence]

    /// Reads `vevent`, a component of `calendar`; neither pointer is kept.
    init(
        _ vevent: OpaquePointer, uid: String, calendar: OpaquePointer, floating: OpaquePointer,
        within window: UTCInterval
    ) throws(CalendarError) {
        func frame(_ time: icaltimetype, _ property: OpaquePointer) throws(CalendarError) -> TimeFrame {
            try TimeFrame.of(time, property: property, calendar: calendar, floating: floating, uid: uid)
        }
        guard let dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY) else {
            throw .malformedCalendar(detail: "the event \(uid) has no DTSTART")
        }
        let start = icalproperty_get_dtstart(dtstart)
        let startFrame = try frame(start, dtstart)
        recurrenceKey = try icalcomponent_get_first_property(vevent, ICAL_RECURRENCEID_PROPERTY).map {
            (property) throws(CalendarError) in
            let time = icalproperty_get_recurrenceid(property)
            return try frame(time, property).instant(time)
        }
        isBusy = Self.isBusy(vevent)
        let length = try Self.length(of: vevent, start: start, frame: startFrame, uid: uid, frame: frame)

        var starts = [start]
        for property in LibicalTree.properties(of: vevent, ICAL_RRULE_PROPERTY) {
            starts += try Self.expand(
                icalproperty_get_rrule(property), from: start, frame: startFrame, until: window.end, uid: uid)
        }
        var explicit: [(time: icaltimetype, frame: TimeFrame)] = []
        for property in LibicalTree.properties(of: vevent, ICAL_RDATE_PROPERTY) {
            let rdate = icalproperty_get_rdate(property)
            let time = icaltime_is_null_time(rdate.time) == 0 ? rdate.time : rdate.period.start
            explicit.append((time, try frame(time, property)))
        }
        var excluded = Set<Date>()
        for property in LibicalTree.properties(of: vevent, ICAL_EXDATE_PROPERTY) {
            let time = icalproperty_get_exdate(property)
            excluded.insert(try frame(time, property).instant(time))
        }
        var seen = Set<Date>()
        occurrences = []
        for (time, timeFrame) in starts.map({ ($0, startFrame) }) + explicit {
            let key = try timeFrame.instant(time)
            guard !excluded.contains(key), seen.insert(key).inserted else { continue }
            let end: Date
            switch length {
            case .seconds(let seconds): end = key.addingTimeInterval(seconds)
            case .days(let days):
                end = WallClock.paris.instant(on: try TimeFrame.date(of: time).adding(days: days), at: .midnight)
            }
            let interval = UTCInterval(start: key, end: end)
            if !interval.isEmpty && interval.overlaps(window) {
                occurrences.append(Occurrence(key: key, interval: interval))
            }
        }
    }

    private static func isBusy(_ vevent: OpaquePointer) -> Bool {
        if let transp = icalcomponent_get_first_property(vevent, ICAL_TRANSP_PROPERTY),
            icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT
        {
            return false
        }
        if icalcomponent_get_status(vevent) == ICAL_STATUS_CANCELLED { return false }
        return LibicalTree.extensionValue("X-MICROSOFT-CDO-BUSYSTATUS", in: vevent)?.uppercased() != "FREE"
    }

    private static func length(
        of vevent: OpaquePointer, start: icaltimetype, frame startFrame: TimeFrame, uid: String,
        frame: (icaltimetype, OpaquePointer) throws(CalendarError) -> TimeFrame
    ) throws(CalendarError) -> Length {
        let isDate = icaltime_is_date(start) != 0
        let length: Length
        if let dtend = icalcomponent_get_first_property(vevent, ICAL_DTEND_PROPERTY) {
            let end = icalproperty_get_dtend(dtend)
            if isDate {
                let first = try TimeFrame.date(of: start)
                let last = LocalDate(year: Int(end.year), month: Int(end.month), day: Int(end.day))
                length = .days(first.days(to: last ?? first))
            } else {
                length = .seconds(
                    try frame(end, dtend).instant(end).timeIntervalSince(try startFrame.instant(start)))
            }
        } else if let duration = icalcomponent_get_first_property(vevent, ICAL_DURATION_PROPERTY) {
            let seconds = Int(icaldurationtype_as_int(icalproperty_get_duration(duration)))
            length = isDate ? .days(seconds / 86_400) : .seconds(TimeInterval(seconds))
        } else {
            // RFC 5545 §3.6.1: an all-day event without an end lasts one day, a timed one no time.
            length = isDate ? .days(1) : .seconds(0)
        }
        switch length {
        case .seconds(let value) where value < 0:
            throw .malformedCalendar(detail: "the event \(uid) ends before it starts")
        case .days(let value) where value < 0:
            throw .malformedCalendar(detail: "the event \(uid) ends before it starts")
        default: return length
        }
    }

    /// The rule's occurrences (local times, as DTSTART is written) that start before `until`.
    private static func expand(
        _ rule: icalrecurrencetype, from start: icaltimetype, frame: TimeFrame, until: Date, uid: String
    ) throws(CalendarError) -> [icaltimetype] {
        guard let iterator = icalrecur_iterator_new(rule, start) else {
            throw .malformedCalendar(detail: "the event \(uid) has a recurrence rule libical cannot expand")
        }
        defer { icalrecur_iterator_free(iterator) }
        var result: [icaltimetype] = []
        while result.count <= BusyTimeReader.occurrenceLimit {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { return result }
            if try frame.instant(next) >= until { return result }
            result.append(next)
        }
        throw .malformedCalendar(
            detail: "the event \(uid) repeats more than \(BusyTimeReader.occurrenceLimit) times before the horizon ends"
        )
    }
}
