/// Checks of care series (``CareSeries``): each link on its own, then the occurrences of each
/// series together.
extension ValidationReport {
    /// One request's series link or bare spec: ranges, and `id` with `index`.
    mutating func checkSeries(_ series: CareSeries, at path: JSONPath) {
        let counts = CareSeries.countRange
        let gaps = CareSeries.gapRange
        if !counts.contains(series.count) {
            report(
                path.key("count"),
                "a series has \(counts.lowerBound) to \(counts.upperBound) occurrences, found \(series.count)")
        }
        for (key, gap) in [("minGapDays", series.minGapDays), ("maxGapDays", series.maxGapDays)]
        where !gaps.contains(gap) {
            report(
                path.key(key),
                "a gap between occurrences is \(gaps.lowerBound) to \(gaps.upperBound) days, found \(gap)")
        }
        if gaps.contains(series.minGapDays), gaps.contains(series.maxGapDays), series.minGapDays > series.maxGapDays {
            report(
                path.key("maxGapDays"),
                "maxGapDays \(series.maxGapDays) is below minGapDays \(series.minGapDays); swap them or widen the gap")
        }
        switch (series.id, series.index) {
        case (nil, nil):
            break  // A bare spec, expanded before planning.
        case (.some, nil):
            report(path.key("index"), "an occurrence of series \"\(series.id!)\" needs its index, 1…\(series.count)")
        case (nil, .some):
            report(path.key("id"), "an occurrence needs the id of its series (e.g. \"S-R-0007\")")
        case (.some(let id), .some(let index)):
            if id.rawValue.isEmpty { report(path.key("id"), "series id must not be empty") }
            if !(1...max(1, series.count)).contains(index) {
                report(path.key("index"), "index \(index) is outside 1…\(series.count), the series' count")
            }
        }
    }

    /// The occurrences of each series: the same patient, site, specialty, mode, urgency and
    /// spacing as the first one listed, and indices 1…count, each once.
    mutating func checkSeriesOccurrences() {
        var occurrences: [CareSeries.ID: [Int]] = [:]
        var order: [CareSeries.ID] = []
        for (position, request) in scenario.requests.enumerated() {
            guard let series = request.series, let id = series.id, series.index != nil else { continue }
            if occurrences[id] == nil { order.append(id) }
            occurrences[id, default: []].append(position)
        }
        for id in order { checkSeries(id, positions: occurrences[id]!) }
    }

    private mutating func checkSeries(_ id: CareSeries.ID, positions: [Int]) {
        let first = scenario.requests[positions[0]]
        let firstPath = JSONPath("requests")[positions[0]]
        let spec = first.series!
        var seen: [Int: Int] = [:]
        for position in positions {
            let request = scenario.requests[position]
            let path = JSONPath("requests")[position]
            let series = request.series!
            let shared: [(String, Bool)] = [
                ("patientRef", request.patientRef == first.patientRef), ("siteId", request.siteId == first.siteId),
                ("specialty", request.specialty == first.specialty), ("mode", request.mode == first.mode),
                ("urgency", request.urgency == first.urgency),
            ]
            for (field, same) in shared where !same {
                report(
                    path.key(field),
                    "occurrences of series \"\(id)\" share their \(field); this one differs from \(firstPath)")
            }
            let spacing: [(String, Int, Int)] = [
                ("count", series.count, spec.count), ("minGapDays", series.minGapDays, spec.minGapDays),
                ("maxGapDays", series.maxGapDays, spec.maxGapDays),
            ]
            for (field, value, expected) in spacing where value != expected {
                report(
                    path.key("series").key(field),
                    "series \"\(id)\" says \(expected) at \(firstPath), this occurrence says \(value)")
            }
            let index = series.index!
            if let other = seen[index] {
                report(
                    path.key("series").key("index"),
                    "occurrence \(index) of series \"\(id)\" is already requests[\(other)]; give each index once")
            } else {
                seen[index] = position
            }
        }
        // Occurrences before the first one listed may be gone: a rolled planning window keeps only
        // what is left of a series (the export anchors the first one left to its predecessor).
        let firstLeft = seen.keys.min() ?? 1
        let missing = (firstLeft...max(firstLeft, spec.count)).filter { seen[$0] == nil }
        if !missing.isEmpty && CareSeries.countRange.contains(spec.count) {
            report(
                firstPath.key("series"),
                "series \"\(id)\" lacks occurrence\(missing.count == 1 ? "" : "s") "
                    + "\(missing.map(String.init).joined(separator: ", ")) of \(spec.count); add "
                    + "\(missing.count == 1 ? "it" : "them") or lower count")
        }
    }
}
