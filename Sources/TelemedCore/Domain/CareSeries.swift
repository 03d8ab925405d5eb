/// A request's place in a care series: a chronic wound reviewed every two weeks for three months
/// is six requests, one per occurrence, linked by the series id, each with a booking of its own.
///
/// In a scenario each occurrence carries its link (`id`, `index` 1…`count`) and the spacing the
/// whole series shares. A request may instead carry a bare spec (no `id`, no `index`), which
/// ``ConsultationRequest/expandingSeries()`` turns into its occurrences; the solver only plans
/// expanded series.
///
/// ```json
/// "series": {"id": "S-R-0007", "index": 2, "count": 6, "minGapDays": 11, "maxGapDays": 17}
/// ```
///
/// Rule `seriesSpacing` (`docs/constraints.md`): occurrence k+1 is booked only when occurrence k
/// is, between `minGapDays` and `maxGapDays` local days after it.
public struct CareSeries: Codable, Hashable, Sendable {
    public typealias ID = Identifier<CareSeries>

    /// Shared by every occurrence; nil in a bare spec.
    public var id: ID?
    /// 1…`count`; nil in a bare spec.
    public var index: Int?
    public var count: Int
    public var minGapDays: Int
    public var maxGapDays: Int

    /// What a scenario accepts: 2 to 52 occurrences (a year of weekly sessions), gaps of 1 day to
    /// a year.
    public static let countRange = 2...52
    public static let gapRange = 1...366

    public init(id: ID? = nil, index: Int? = nil, count: Int, minGapDays: Int, maxGapDays: Int) {
        self.id = id
        self.index = index
        self.count = count
        self.minGapDays = minGapDays
        self.maxGapDays = maxGapDays
    }

    /// Whether this is one occurrence's link rather than a spec still to expand.
    public var isExpanded: Bool { id != nil && index != nil }

    /// The allowed number of days between two consecutive occurrences' local start dates.
    public var gapDays: ClosedRange<Int> { minGapDays...max(minGapDays, maxGapDays) }

    /// Days an occurrence's window moves from the first's: (index − 1) · `minGapDays`, the
    /// earliest the series can reach it.
    var shiftDays: Int { max(0, (index ?? 1) - 1) * minGapDays }
}

extension ConsultationRequest {
    /// The occurrences of a request carrying a bare series spec, in order; the request itself
    /// when it has no series or is already an occurrence.
    ///
    /// Occurrence k is `<id>-k` (series id `S-<id>`) with the same patient, site, specialty, mode,
    /// urgency, duration, equipment, preferred specialist, consent and release date. Its window is
    /// the first's moved by (k − 1) · `minGapDays`: its `earliestDate` is the first's first
    /// possible date plus that shift, and so is its due date (``dueDate(delays:)``), so a series
    /// served at its tightest spacing from an on-time first session is never late.
    public func expandingSeries() -> [ConsultationRequest] {
        // A spec out of range stays bare (validation reports it): a hostile count must not
        // allocate a billion occurrences before anyone has checked the file.
        guard let series, !series.isExpanded, CareSeries.countRange.contains(series.count),
            CareSeries.gapRange.contains(series.minGapDays), CareSeries.gapRange.contains(series.maxGapDays)
        else { return [self] }
        let seriesID = CareSeries.ID("S-\(id.rawValue)")
        return (1...series.count).map { index in
            var occurrence = self
            occurrence.id = ID("\(id.rawValue)-\(index)")
            occurrence.series = CareSeries(
                id: seriesID, index: index, count: series.count, minGapDays: series.minGapDays,
                maxGapDays: series.maxGapDays)
            if index > 1 {
                occurrence.earliestDate = firstPossibleDate.adding(days: occurrence.series!.shiftDays)
            }
            return occurrence
        }
    }
}

extension Scenario {
    /// The scenario with every bare series spec expanded in place (``ConsultationRequest/expandingSeries()``);
    /// a booking of such a request becomes the first occurrence's. Telemed's commands read files
    /// through this, so a hand-written scenario may say `"series": {"count": 6, …}` once.
    public func expandingSeries() -> Scenario {
        let bare = Set(requests.filter { $0.series.map { !$0.isExpanded } ?? false }.map(\.id))
        guard !bare.isEmpty else { return self }
        var expanded = self
        expanded.requests = requests.flatMap { $0.expandingSeries() }
        for position in expanded.bookings.indices where bare.contains(expanded.bookings[position].requestId) {
            expanded.bookings[position].requestId = ConsultationRequest.ID(
                "\(expanded.bookings[position].requestId.rawValue)-1")
        }
        return expanded
    }
}
