import TelemedCore

/// The optional `series` of `POST /api/v1/requests`: `count` sessions, each `minGapDays` to
/// `maxGapDays` days after the one before. Only the spacing: the server names the series and
/// numbers its occurrences (`id` or `index` here is an unknown field).
struct SeriesRequestBody: Codable, Sendable {
    var count: Int
    var minGapDays: Int
    var maxGapDays: Int

    /// The bare spec to expand, within the ranges a scenario accepts (``CareSeries/countRange``,
    /// ``CareSeries/gapRange``); a 400 naming the field otherwise, before anything is stored.
    func spec() throws -> CareSeries {
        let counts = CareSeries.countRange
        let gaps = CareSeries.gapRange
        guard counts.contains(count) else {
            throw APIError.invalidBody(
                path: "series.count",
                message: "a series has \(counts.lowerBound) to \(counts.upperBound) occurrences, found \(count)")
        }
        for (key, gap) in [("minGapDays", minGapDays), ("maxGapDays", maxGapDays)] where !gaps.contains(gap) {
            throw APIError.invalidBody(
                path: "series.\(key)",
                message: "a gap between occurrences is \(gaps.lowerBound) to \(gaps.upperBound) days, found \(gap)")
        }
        guard minGapDays <= maxGapDays else {
            throw APIError.invalidBody(
                path: "series.maxGapDays",
                message: "maxGapDays \(maxGapDays) is below minGapDays \(minGapDays); swap them or widen the gap")
        }
        return CareSeries(count: count, minGapDays: minGapDays, maxGapDays: maxGapDays)
    }
}
