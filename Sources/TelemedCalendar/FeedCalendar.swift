import CLibical
import Foundation

/// TelemedCalendar: iCalendar feeds built with libical, never by string concatenation, so escaping
/// and folding (≤ 75 octets, UTF-8 safe) are libical's.
///
/// `FeedCalendar` is a plain value; the libical tree exists only inside ``serialized()``.
///
/// ```swift
/// var feed = FeedCalendar(name: "Unité mobile 3")
/// try feed.addEvent(FeedEvent(uid: "visit-1@telemed", summary: "Arrêt Beaufort", start: s, end: e, stamp: now))
/// let ics = try feed.serialized()
/// ```
public struct FeedCalendar: Sendable {
    public static let productIdentifier = "-//telemed//telemed 1.0//FR"

    /// X-WR-CALNAME: the name calendar clients show.
    public var name: String
    /// X-WR-CALDESC, e.g. where the live route is.
    public var description: String?
    public private(set) var events: [FeedEvent] = []
    /// Whether the Europe/Paris VTIMEZONE is written. A calendar of all-day events needs none, and
    /// leaving it out keeps the file independent of the machine's zone data.
    public var includesTimeZone: Bool

    public init(name: String, description: String? = nil, includesTimeZone: Bool = true) {
        self.name = name
        self.description = description
        self.includesTimeZone = includesTimeZone
    }

    /// Adds one event after checking it can be written faithfully.
    public mutating func addEvent(_ event: FeedEvent) throws(CalendarError) {
        try event.validate()
        events.append(event)
    }

    /// The whole VCALENDAR as text with CRLF line ends.
    public func serialized() throws(CalendarError) -> String {
        for case (let field, let value?) in [("name", name), ("description", description)]
        where value.utf8.contains(0) {
            throw .invalidText(field: field)
        }
        guard let root = icalcomponent_new(ICAL_VCALENDAR_COMPONENT) else { throw Libical.lastError() }
        defer { icalcomponent_free(root) }
        try addHeader(to: root)
        if includesTimeZone {
            icalcomponent_add_component(root, try ParisTimeZoneComponent.makeComponent())
        }
        for event in events {
            icalcomponent_add_component(root, try makeEvent(event))
        }
        return try Libical.text(of: root)
    }

    private func addHeader(to root: OpaquePointer) throws(CalendarError) {
        try Libical.add(icalproperty_new_version("2.0"), to: root)
        try Libical.add(icalproperty_new_prodid(Self.productIdentifier), to: root)
        try Libical.add(icalproperty_new_method(ICAL_METHOD_PUBLISH), to: root)
        try Libical.add(Libical.textExtension("X-WR-CALNAME", name), to: root)
        if let description {
            try Libical.add(Libical.textExtension("X-WR-CALDESC", description), to: root)
        }
        try Libical.add(Libical.textExtension("X-WR-TIMEZONE", ParisTimeZoneComponent.tzid), to: root)
        // RFC 7986 requires the VALUE parameter on REFRESH-INTERVAL.
        let refresh = icalproperty_new_refreshinterval(icaldurationtype_from_string("PT1H"))
        if let refresh { icalproperty_set_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION)) }
        try Libical.add(refresh, to: root)
        try Libical.add(Libical.textExtension("X-PUBLISHED-TTL", "PT1H"), to: root)
    }

    /// A new VALARM the caller owns: `ACTION:DISPLAY`, a `TRIGGER` relative to the start, and the
    /// `DESCRIPTION` RFC 5545 requires of a display alarm.
    private func makeAlarm(_ alarm: FeedAlarm) throws(CalendarError) -> OpaquePointer {
        guard let valarm = icalcomponent_new(ICAL_VALARM_COMPONENT) else { throw Libical.lastError() }
        do {
            try Libical.add(icalproperty_new_action(ICAL_ACTION_DISPLAY), to: valarm)
            try Libical.add(
                icalproperty_new_trigger(icaltriggertype_from_int(Int32(-alarm.minutesBefore * 60))), to: valarm)
            try Libical.add(icalproperty_new_description(Libical.text(alarm.description)), to: valarm)
        } catch {
            icalcomponent_free(valarm)
            throw error
        }
        return valarm
    }

    /// A new VEVENT the caller owns.
    private func makeEvent(_ event: FeedEvent) throws(CalendarError) -> OpaquePointer {
        guard let vevent = icalcomponent_new(ICAL_VEVENT_COMPONENT) else { throw Libical.lastError() }
        do {
            try Libical.add(icalproperty_new_uid(event.uid), to: vevent)
            try Libical.add(icalproperty_new_dtstamp(ParisLocalTime.utcTime(event.stamp)), to: vevent)
            let modified = ParisLocalTime.utcTime(event.lastModified ?? event.stamp)
            try Libical.add(icalproperty_new_lastmodified(modified), to: vevent)
            try Libical.add(icalproperty_new_sequence(Int32(clamping: event.sequence)), to: vevent)
            if event.allDay {
                try Libical.add(icalproperty_new_dtstart(ParisLocalTime.localDate(event.start)), to: vevent)
                try Libical.add(icalproperty_new_dtend(ParisLocalTime.localDate(event.end)), to: vevent)
            } else {
                try Libical.add(ParisLocalTime.property(icalproperty_new_dtstart, event.start), to: vevent)
                try Libical.add(ParisLocalTime.property(icalproperty_new_dtend, event.end), to: vevent)
            }
            try Libical.add(icalproperty_new_summary(Libical.text(event.summary)), to: vevent)
            if let description = event.description {
                try Libical.add(icalproperty_new_description(Libical.text(description)), to: vevent)
            }
            if let location = event.location {
                try Libical.add(icalproperty_new_location(Libical.text(location)), to: vevent)
            }
            if let geo = event.geo {
                let point = icalgeotype(lat: geo.latitude, lon: geo.longitude)
                try Libical.add(icalproperty_new_geo(point), to: vevent)
            }
            if let url = event.url {
                try Libical.add(icalproperty_new_url(url), to: vevent)
            }
            try Libical.add(icalproperty_new_status(event.status.icalStatus), to: vevent)
            if event.transparent {
                try Libical.add(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT), to: vevent)
            }
            for category in event.categories {
                try Libical.add(icalproperty_new_categories(Libical.text(category)), to: vevent)
            }
            if let alarm = event.alarm {
                icalcomponent_add_component(vevent, try makeAlarm(alarm))
            }
        } catch {
            icalcomponent_free(vevent)
            throw error
        }
        return vevent
    }
}
