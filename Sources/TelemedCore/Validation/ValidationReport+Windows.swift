import Foundation

/// Checks shared by every entity that carries local-time windows, dates or coordinates.
extension ValidationReport {
    /// Each window must end after it starts, and windows of the same day must not overlap.
    mutating func checkWeeklyWindows(_ windows: [WeeklyWindow], at path: JSONPath) {
        for (position, window) in windows.enumerated() {
            if window.end <= window.start {
                report(
                    path[position].key("end"),
                    "window ends at \(window.end), not after it starts at \(window.start) on \(window.day.rawValue)")
                continue
            }
            for earlier in 0..<position where windows[earlier].end > windows[earlier].start {
                if window.overlaps(windows[earlier]) {
                    report(
                        path[position],
                        "\(window.day.rawValue) \(window.start)–\(window.end) overlaps \(path[earlier]) "
                            + "(\(windows[earlier].start)–\(windows[earlier].end)); merge them")
                }
            }
        }
    }

    mutating func checkLocation(_ point: GeoPoint, at path: JSONPath) {
        if !(-90...90).contains(point.latitude) || !point.latitude.isFinite {
            report(path.key("latitude"), "latitude must be between -90 and 90, found \(point.latitude)")
        }
        if !(-180...180).contains(point.longitude) || !point.longitude.isFinite {
            report(path.key("longitude"), "longitude must be between -180 and 180, found \(point.longitude)")
        }
    }

    mutating func checkCommuneCode(_ code: String, at path: JSONPath) {
        if !FrenchCodes.isCommuneCode(code) {
            report(path, "\"\(code)\" is not an INSEE commune code (5 characters, e.g. 58194 or 2A004)")
        }
    }

    mutating func checkInsideHorizon(_ date: LocalDate, at path: JSONPath, what: String) {
        let horizon = scenario.horizon
        if !horizon.contains(date) {
            report(path, "\(what) \(date) is outside the horizon \(horizon.start) … \(horizon.end)")
        }
    }

    mutating func checkInterval(start: Date, end: Date, at path: JSONPath) {
        if end <= start {
            report(
                path.key("end"),
                "ends at \(Self.iso(end)), not after it starts at \(Self.iso(start))")
        }
    }

    mutating func checkText(_ text: String, at path: JSONPath, maxLength: Int = 200, required: Bool = true) {
        if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(path, "must not be empty")
        } else if text.count > maxLength {
            report(path, "is \(text.count) characters long; at most \(maxLength)")
        } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            report(path, "must not contain control characters (line breaks, tabs, NUL)")
        }
    }

    mutating func checkEmail(_ address: String?, at path: JSONPath) {
        if let address, let problem = ContactAddress.problem(with: address) { report(path, problem) }
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
