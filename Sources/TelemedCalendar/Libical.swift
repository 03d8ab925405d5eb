import CLibical

/// Thin helpers over libical's C API. Pointers never leave the synchronous caller.
enum Libical {
    /// The last libical error as text; `icalerrno` is a macro Swift cannot import.
    static func lastError() -> CalendarError {
        .libical(String(cString: icalerror_strerror(icalerrno_return().pointee)))
    }

    /// Adds `property` to `component`, which then owns it.
    static func add(_ property: OpaquePointer?, to component: OpaquePointer) throws(CalendarError) {
        guard let property else { throw lastError() }
        icalcomponent_add_property(component, property)
    }

    /// iCalendar TEXT has a single line break, `\n`, and libical silently drops CR: send LF only,
    /// so a CRLF or a lone CR becomes one line break rather than vanishing.
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// An X- property. libical escapes `\\` and line breaks in X values (so nothing can inject a
    /// content line) but leaves `,` and `;` as they are, which is what clients expect for X-WR-*.
    static func textExtension(_ name: String, _ value: String) -> OpaquePointer? {
        guard let property = icalproperty_new_x(text(value)) else { return nil }
        icalproperty_set_x_name(property, name)
        return property
    }

    /// Serialises a component tree: CRLF line ends, escaping and folding done by libical.
    static func text(of component: OpaquePointer) throws(CalendarError) -> String {
        guard let buffer = icalcomponent_as_ical_string_r(component) else { throw lastError() }
        defer { icalmemory_free_buffer(buffer) }
        return String(cString: buffer)
    }
}
