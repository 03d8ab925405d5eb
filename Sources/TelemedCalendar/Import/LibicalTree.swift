import CLibical

/// Walking a parsed libical tree. Every pointer returned belongs to the tree: use it while the
/// tree is alive, never free it.
enum LibicalTree {
    static func children(of parent: OpaquePointer, _ kind: icalcomponent_kind) -> [OpaquePointer] {
        collect(icalcomponent_get_first_component(parent, kind)) { icalcomponent_get_next_component(parent, kind) }
    }

    static func properties(of component: OpaquePointer, _ kind: icalproperty_kind) -> [OpaquePointer] {
        collect(icalcomponent_get_first_property(component, kind)) { icalcomponent_get_next_property(component, kind) }
    }

    /// libical's iteration: a first item, then `next()` until it returns NULL.
    private static func collect(_ first: OpaquePointer?, next: () -> OpaquePointer?) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var item = first
        while let current = item {
            result.append(current)
            item = next()
        }
        return result
    }

    /// The value of the first X- property called `name`.
    static func extensionValue(_ name: String, in component: OpaquePointer) -> String? {
        for property in properties(of: component, ICAL_X_PROPERTY) {
            if let xName = icalproperty_get_x_name(property), String(cString: xName).uppercased() == name,
                let value = icalproperty_get_x(property)
            {
                return String(cString: value)
            }
        }
        return nil
    }

    /// libical keeps what it could not parse as X-LIC-ERROR properties: the first one, if any,
    /// becomes a ``CalendarError/malformedCalendar(detail:)`` naming `context`.
    static func checkErrors(of component: OpaquePointer, context: String) throws(CalendarError) {
        if let error = properties(of: component, ICAL_XLICERROR_PROPERTY).first,
            let text = icalproperty_get_xlicerror(error)
        {
            throw .malformedCalendar(detail: "\(context): \(String(cString: text))")
        }
    }
}
