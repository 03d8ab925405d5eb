import CLibical
import Foundation

@testable import TelemedCalendar

/// What libical reads back from a feed, copied into Swift values so no pointer outlives `init`.
struct ParsedCalendar {
    struct Event {
        var uid: String
        var summary: String
        var description: String?
        var location: String?
        var url: String?
        var status: String?
        var sequence: Int
        var startTZID: String?
        var start: Date
        var end: Date
        var isAllDay: Bool
        var geo: (latitude: Double, longitude: Double)?
        var lastModified: Date?
        var propertyNames: [String]
        /// The event's VALARMs as libical reads them.
        var alarms: [Alarm]
    }

    struct Alarm: Equatable {
        var action: String
        /// Seconds from the start (negative: before).
        var triggerSeconds: Int
        var description: String?
    }

    var errorCount: Int32
    var calendarName: String?
    var method: String?
    var timeZoneIDs: [String]
    var events: [Event]

    init?(_ text: String) {
        guard let root = icalparser_parse_string(text) else { return nil }
        defer { icalcomponent_free(root) }
        errorCount = icalcomponent_count_errors(root)
        calendarName = Self.extensionValue("X-WR-CALNAME", in: root)
        method = icalcomponent_get_first_property(root, ICAL_METHOD_PROPERTY).map {
            String(cString: icalproperty_method_to_string(icalproperty_get_method($0)))
        }
        timeZoneIDs = Self.children(of: root, ICAL_VTIMEZONE_COMPONENT).map {
            String(cString: icalproperty_get_tzid(icalcomponent_get_first_property($0, ICAL_TZID_PROPERTY)))
        }
        events = Self.children(of: root, ICAL_VEVENT_COMPONENT).map(Self.event)
    }

    private static func event(_ vevent: OpaquePointer) -> Event {
        // icalcomponent_get_dtstart resolves the TZID against the VTIMEZONE of the calendar.
        let start = icalcomponent_get_dtstart(vevent)
        let end = icalcomponent_get_dtend(vevent)
        let dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY)
        func text(_ kind: icalproperty_kind, _ read: (OpaquePointer) -> UnsafePointer<CChar>?) -> String? {
            icalcomponent_get_first_property(vevent, kind).flatMap(read).map { String(cString: $0) }
        }
        func instant(_ time: icaltimetype) -> Date {
            Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(time, time.zone)))
        }
        return Event(
            uid: String(cString: icalcomponent_get_uid(vevent)),
            summary: String(cString: icalcomponent_get_summary(vevent)),
            description: icalcomponent_get_description(vevent).map { String(cString: $0) },
            location: icalcomponent_get_location(vevent).map { String(cString: $0) },
            url: text(ICAL_URL_PROPERTY, icalproperty_get_url),
            status: icalcomponent_get_first_property(vevent, ICAL_STATUS_PROPERTY).map {
                String(cString: icalproperty_status_to_string(icalproperty_get_status($0)))
            },
            sequence: Int(icalcomponent_get_sequence(vevent)),
            startTZID: icalproperty_get_parameter_as_string(dtstart, "TZID").map { String(cString: $0) },
            start: instant(start), end: instant(end), isAllDay: icaltime_is_date(start) != 0,
            geo: icalcomponent_get_first_property(vevent, ICAL_GEO_PROPERTY).map {
                let geo = icalproperty_get_geo($0)
                return (geo.lat, geo.lon)
            },
            lastModified: icalcomponent_get_first_property(vevent, ICAL_LASTMODIFIED_PROPERTY).map {
                instant(icalproperty_get_lastmodified($0))
            },
            propertyNames: propertyNames(of: vevent),
            alarms: children(of: vevent, ICAL_VALARM_COMPONENT).map { valarm in
                let action = icalcomponent_get_first_property(valarm, ICAL_ACTION_PROPERTY).map {
                    String(cString: icalproperty_enum_to_string(Int32(icalproperty_get_action($0).rawValue)))
                }
                let trigger = icalcomponent_get_first_property(valarm, ICAL_TRIGGER_PROPERTY).map {
                    Int(icaldurationtype_as_int(icalproperty_get_trigger($0).duration))
                }
                let description = icalcomponent_get_first_property(valarm, ICAL_DESCRIPTION_PROPERTY).map {
                    String(cString: icalproperty_get_description($0))
                }
                return Alarm(action: action ?? "", triggerSeconds: trigger ?? 0, description: description)
            })
    }

    static func children(of parent: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        LibicalTree.children(of: parent, kind)
    }

    static func propertyNames(of component: OpaquePointer) -> [String] {
        LibicalTree.properties(of: component, ICAL_ANY_PROPERTY).map {
            String(cString: icalproperty_get_property_name($0))
        }
    }

    static func extensionValue(_ name: String, in component: OpaquePointer) -> String? {
        LibicalTree.extensionValue(name, in: component)
    }
}
