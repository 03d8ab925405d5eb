import Foundation

/// Reports keys a scenario document has but format version 1 does not define, each with its JSON
/// path and, when a known field is one or two edits away, the field it probably means.
///
/// ```swift
/// UnknownFieldCheck.issues(in: data)   // sites[3].nurseHour: unknown field; did you mean "nurseHours"?
/// ```
public enum UnknownFieldCheck {
    public static func issues(in data: Data) -> [ValidationIssue] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var issues: [ValidationIssue] = []
        var walker = Walker { issues.append($0) }
        walker.scenario(root)
        return issues
    }

    private struct Walker {
        let report: (ValidationIssue) -> Void

        mutating func scenario(_ object: [String: Any]) {
            let root = JSONPath()
            check(object, ScenarioFields.scenario, at: root)
            child(object, "horizon", root) { check($0, ScenarioFields.interval, at: $1) }
            child(object, "holidays", root) { check($0, ScenarioFields.holidays, at: $1) }
            child(object, "urgencyDelays", root) { check($0, ScenarioFields.urgencyTable, at: $1) }
            child(object, "weights", root) { weights, path in
                check(weights, ScenarioFields.weights, at: path)
                for table in ["served", "latenessPerDay"] {
                    child(weights, table, path) { check($0, ScenarioFields.urgencyTable, at: $1) }
                }
            }
            child(object, "travel", root) { travel, path in
                check(travel, ScenarioFields.travel, at: path)
                children(travel, "speedBands", path) { check($0, ScenarioFields.speedBand, at: $1) }
            }
            children(object, "sites", root) { site, path in
                check(site, ScenarioFields.site, at: path)
                child(site, "location", path) { check($0, ScenarioFields.location, at: $1) }
                for windows in ["openingHours", "nurseHours"] {
                    children(site, windows, path) { check($0, ScenarioFields.weeklyWindow, at: $1) }
                }
                children(site, "openings", path) { check($0, ScenarioFields.interval, at: $1) }
            }
            children(object, "specialists", root) { specialist, path in
                check(specialist, ScenarioFields.specialist, at: path)
                children(specialist, "weeklyAvailability", path) { check($0, ScenarioFields.weeklyWindow, at: $1) }
                children(specialist, "exceptions", path) { check($0, ScenarioFields.exception, at: $1) }
            }
            children(object, "units", root) { unit, path in
                check(unit, ScenarioFields.unit, at: path)
                child(unit, "depot", path) { depot, depotPath in
                    check(depot, ScenarioFields.depot, at: depotPath)
                    child(depot, "location", depotPath) { check($0, ScenarioFields.location, at: $1) }
                }
                child(unit, "shift", path) { check($0, ScenarioFields.interval, at: $1) }
                child(unit, "lunchBreak", path) { check($0, ScenarioFields.lunchBreak, at: $1) }
                children(unit, "recurringStops", path) { check($0, ScenarioFields.recurringStop, at: $1) }
            }
            children(object, "requests", root) { request, path in
                check(request, ScenarioFields.request, at: path)
                child(request, "consent", path) { check($0, ScenarioFields.consent, at: $1) }
                child(request, "series", path) { check($0, ScenarioFields.series, at: $1) }
            }
            children(object, "bookings", root) { booking, path in
                check(booking, ScenarioFields.booking, at: path)
                child(booking, "host", path) { check($0, ScenarioFields.host, at: $1) }
                child(booking, "review", path) { check($0, ScenarioFields.interval, at: $1) }
            }
            children(object, "zones", root) { check($0, ScenarioFields.zone, at: $1) }
            children(object, "campaigns", root) { campaign, path in
                check(campaign, ScenarioFields.campaign, at: path)
                child(campaign, "period", path) { check($0, ScenarioFields.interval, at: $1) }
                children(campaign, "targets", path) { check($0, ScenarioFields.campaignTarget, at: $1) }
            }
        }

        private func check(_ object: [String: Any], _ known: Set<String>, at path: JSONPath) {
            for key in object.keys.sorted() where !known.contains(key) {
                let guess = known.sorted().min { editDistance(key, $0) < editDistance(key, $1) }
                let hint = guess.flatMap { editDistance(key, $0) <= 2 ? "; did you mean \"\($0)\"?" : nil } ?? ""
                report(ValidationIssue(path.key(key), "unknown field\(hint)"))
            }
        }

        private func child(
            _ object: [String: Any], _ key: String, _ path: JSONPath, _ body: ([String: Any], JSONPath) -> Void
        ) {
            if let value = object[key] as? [String: Any] { body(value, path.key(key)) }
        }

        private func children(
            _ object: [String: Any], _ key: String, _ path: JSONPath, _ body: ([String: Any], JSONPath) -> Void
        ) {
            guard let array = object[key] as? [Any] else { return }
            for (index, element) in array.enumerated() {
                if let value = element as? [String: Any] { body(value, path.key(key)[index]) }
            }
        }
    }

    /// Levenshtein distance, for "did you mean" hints on short field names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
