import TelemedCore
import TelemedStore

/// The `series` part of a 201 from `POST /requests` with a series: the occurrences stored, one
/// request each, and the days each would take if the first proposal is booked.
struct SeriesView: Codable, Sendable {
    /// The proposal the windows count from, and its local day.
    struct Anchor: Codable, Sendable {
        var proposalId: String
        var date: LocalDate
    }

    struct Occurrence: Codable, Sendable {
        var requestId: ConsultationRequest.ID
        var index: Int
        /// Local dates (Europe/Paris): occurrence 1 on the anchor's day, each later one
        /// `minGapDays`…`maxGapDays` after the one before, chained. Absent without a proposal.
        var earliestDate: LocalDate?
        var latestDate: LocalDate?
    }

    var id: CareSeries.ID
    var count: Int
    var minGapDays: Int
    var maxGapDays: Int
    /// Absent when no proposal was made: the occurrences are then placed when the first is booked.
    var relativeTo: Anchor?
    var occurrences: [Occurrence]

    /// The view of `occurrences` (expanded, first first), with windows counted from `first`.
    init?(_ occurrences: [ConsultationRequest], first: StoredProposal?) {
        guard let spec = occurrences.first?.series, let id = spec.id else { return nil }
        self.id = id
        (count, minGapDays, maxGapDays) = (spec.count, spec.minGapDays, spec.maxGapDays)
        relativeTo = first.map { Anchor(proposalId: $0.id, date: WallClock.paris.localDate(of: $0.proposal.start)) }
        let day = relativeTo?.date
        self.occurrences = occurrences.map { occurrence in
            let window = day.map { spec.window(ofOccurrence: occurrence.series?.index ?? 1, firstOn: $0) }
            return Occurrence(
                requestId: occurrence.id, index: occurrence.series?.index ?? 1, earliestDate: window?.lowerBound,
                latestDate: window?.upperBound)
        }
    }
}

extension CareSeries {
    /// The days occurrence `index` can take when the first is on `first` and each later one keeps
    /// its gap from the one before: `first` + (index − 1) × `minGapDays` … × `maxGapDays`.
    func window(ofOccurrence index: Int, firstOn first: LocalDate) -> ClosedRange<LocalDate> {
        let steps = max(0, index - 1)
        return first.adding(days: steps * gapDays.lowerBound)...first.adding(days: steps * gapDays.upperBound)
    }
}
