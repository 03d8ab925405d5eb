import Foundation
import TelemedCore
import TelemedStore

/// The days an occurrence of a care series may be booked on: `minGapDays`…`maxGapDays` after its
/// booked previous occurrence and as many before its booked next one (rule `seriesSpacing`).
///
/// The proposal engine spaces an occurrence from its predecessor's placement, but a move or a
/// waiting-list offer is planned on a copy of the request (the original already holds its place
/// in the plan, and a copy in the same series would chain after it). So the copy gets a series of
/// its own and the spacing as dates, `earliestDate` and `latestDate`, as the export does for an
/// occurrence whose predecessor the window rolled past.
struct OccurrenceWindow: Sendable {
    /// A booked occurrence next to this one.
    struct Neighbour: Codable, Hashable, Sendable {
        var index: Int
        var requestId: ConsultationRequest.ID
        var bookingId: Booking.ID
        /// The local date (Europe/Paris) of its start.
        var date: LocalDate
    }

    var series: CareSeries
    var index: Int
    var previous: Neighbour?
    var next: Neighbour?
    /// Whether occurrence `index` − 1 exists without a booking (the rule books it first).
    var previousUnbooked: Bool

    /// The window of `request` among the stored `occurrences` of its series; nil for a request
    /// outside any series.
    init?(of request: ConsultationRequest, among occurrences: [SeriesOccurrence]) {
        guard let series = request.series, series.id != nil, let index = series.index else { return nil }
        self.series = series
        self.index = index
        func neighbour(_ wanted: Int) -> (exists: Bool, booked: Neighbour?) {
            guard let occurrence = occurrences.first(where: { $0.index == wanted }) else { return (false, nil) }
            return (
                true,
                occurrence.booking.map {
                    Neighbour(
                        index: wanted, requestId: occurrence.request.id, bookingId: $0.id,
                        date: WallClock.paris.localDate(of: $0.start))
                }
            )
        }
        let before = neighbour(index - 1)
        previous = before.booked
        previousUnbooked = before.exists && before.booked == nil
        next = neighbour(index + 1).booked
    }

    /// The window of the stored `request`, read with its series in one go.
    static func of(_ request: ConsultationRequest, in database: TelemedDatabase) throws -> OccurrenceWindow? {
        guard let id = request.series?.id else { return nil }
        return OccurrenceWindow(of: request, among: try database.seriesOccurrences(of: id))
    }

    /// The days left to plan in `horizon` (the planning window) from `today` on.
    static func plannableDays(_ horizon: Horizon, today: LocalDate) -> ClosedRange<LocalDate> {
        max(today, horizon.start)...max(today, horizon.end)
    }

    /// The first day both gaps allow; nil when no booked neighbour bounds it.
    var earliest: LocalDate? {
        [
            previous.map { $0.date.adding(days: series.gapDays.lowerBound) },
            next.map { $0.date.adding(days: -series.gapDays.upperBound) },
        ].compactMap { $0 }.max()
    }

    /// The last day both gaps allow; nil when no booked neighbour bounds it.
    var latest: LocalDate? {
        [
            previous.map { $0.date.adding(days: series.gapDays.upperBound) },
            next.map { $0.date.adding(days: -series.gapDays.lowerBound) },
        ].compactMap { $0 }.min()
    }

    /// Whether a booked neighbour narrows the days at all.
    var isBounded: Bool { previous != nil || next != nil }

    /// `request` under `id`, in a series of its own with the same index (its due date keeps its
    /// shift), dated within this window and `days` (today … the planning window's end); nil when
    /// no day is left.
    func copy(
        of request: ConsultationRequest, as id: ConsultationRequest.ID, within days: ClosedRange<LocalDate>
    ) -> ConsultationRequest? {
        let first = max(request.firstPossibleDate, days.lowerBound, earliest ?? days.lowerBound)
        let last = min(request.latestDate ?? days.upperBound, days.upperBound, latest ?? days.upperBound)
        guard first <= last else { return nil }
        var copy = request
        copy.id = id
        copy.series?.id = CareSeries.ID(rawValue: "S-" + id.rawValue)
        copy.earliestDate = first
        if let latest { copy.latestDate = min(latest, request.latestDate ?? latest) }
        return copy
    }

    /// Why no slot keeps the spacing, once ``copy(of:as:within:)`` found no day in `days` (nil
    /// `blocked`) or the engine found no slot on those days (`blocked`, its own reason).
    func unavailable(within days: ClosedRange<LocalDate>, blocked: UnavailableView?) -> UnavailableView {
        let cause: SpacingView.Cause
        if let earliest, let latest, earliest > latest {
            cause = .noDayKeepsBothGaps
        } else {
            cause = blocked == nil ? .outsidePlanningWindow : .noFreeSlot
        }
        let spacing = SpacingView(window: self, cause: cause)
        let gaps = "\(series.gapDays.lowerBound)–\(series.gapDays.upperBound) days"
        let bounds = [
            previous.map { "\(gaps) after occurrence \($0.index) (booked on \($0.date))" },
            next.map { "\(gaps) before occurrence \($0.index) (booked on \($0.date))" },
        ].compactMap { $0 }
        var reason = "occurrence \(index) of its care series must start " + bounds.joined(separator: " and ")
        if let from = spacing.earliestDate, let to = spacing.latestDate { reason += ", from \(from) to \(to)" }
        switch cause {
        case .noDayKeepsBothGaps: reason += ": no day keeps both gaps; move one of them first"
        case .outsidePlanningWindow:
            reason += ": those days are not among the days left to plan (\(days.lowerBound) to \(days.upperBound))"
        case .noFreeSlot: reason += ": no slot is free on those days (\(blocked?.reason ?? "nothing fits"))"
        }
        return UnavailableView(constraint: .seriesSpacing, reason: reason, spacing: spacing)
    }
}
