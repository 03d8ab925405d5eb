import CLibical
import Foundation

/// What libical reads back from a feed, copied into Swift values so no pointer outlives `init`.
struct ParsedCalendar {
    struct Event {
        var summary: String
        var description: String?
        var startTZID: String?
        var start: Date
        var end: Date
        var propertyNames: [String]
    }

    var errorCount: Int32
    var calendarName: String?
    var timeZoneIDs: [String]
    var events: [Event]

    init?(_ text: String) {
        guard let root = icalparser_parse_string(text) else { return nil }
        defer { icalcomponent_free(root) }
        errorCount = icalcomponent_count_errors(root)
        calendarName = Self.extensionValue("X-WR-CALNAME", in: root)
        timeZoneIDs = Self.children(of: root, ICAL_VTIMEZONE_COMPONENT).map {
            String(cString: icalproperty_get_tzid(icalcomponent_get_first_property($0, ICAL_TZID_PROPERTY)))
        }
        events = Self.children(of: root, ICAL_VEVENT_COMPONENT).map { vevent in
            // icalcomponent_get_dtstart resolves the TZID against the VTIMEZONE of the calendar.
            let start = icalcomponent_get_dtstart(vevent)
            let end = icalcomponent_get_dtend(vevent)
            let dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY)
            return Event(
                summary: String(cString: icalcomponent_get_summary(vevent)),
                description: icalcomponent_get_description(vevent).map { String(cString: $0) },
                startTZID: icalproperty_get_parameter_as_string(dtstart, "TZID").map { String(cString: $0) },
                start: Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(start, start.zone))),
                end: Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(end, end.zone))),
                propertyNames: Self.propertyNames(of: vevent))
        }
    }

    static func children(of parent: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(parent, kind)
        while let current = child {
            result.append(current)
            child = icalcomponent_get_next_component(parent, kind)
        }
        return result
    }

    static func propertyNames(of component: OpaquePointer) -> [String] {
        var names: [String] = []
        var property = icalcomponent_get_first_property(component, ICAL_ANY_PROPERTY)
        while let current = property {
            names.append(String(cString: icalproperty_get_property_name(current)))
            property = icalcomponent_get_next_property(component, ICAL_ANY_PROPERTY)
        }
        return names
    }

    static func extensionValue(_ name: String, in component: OpaquePointer) -> String? {
        var property = icalcomponent_get_first_property(component, ICAL_X_PROPERTY)
        while let current = property {
            if String(cString: icalproperty_get_x_name(current)) == name {
                return String(cString: icalproperty_get_x(current))
            }
            property = icalcomponent_get_next_property(component, ICAL_X_PROPERTY)
        }
        return nil
    }
}
