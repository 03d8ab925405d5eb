import TelemedCore

/// Why a care series occurrence got no slot to move to: the spacing with its booked neighbours
/// (rule `seriesSpacing`), as `unavailable.spacing` gives it beside the sentence.
struct SpacingView: Codable, Sendable {
    enum Cause: String, Codable, Sendable {
        /// The gap after the previous occurrence and the gap before the next leave no common day.
        case noDayKeepsBothGaps
        /// The days the gaps allow are past, or after the planning window.
        case outsidePlanningWindow
        /// No slot is free on the days the gaps allow.
        case noFreeSlot
    }

    var index: Int
    var minGapDays: Int
    var maxGapDays: Int
    var previous: OccurrenceWindow.Neighbour?
    var next: OccurrenceWindow.Neighbour?
    /// The days both gaps allow (local dates, Europe/Paris); absent when none does.
    var earliestDate: LocalDate?
    var latestDate: LocalDate?
    var cause: Cause

    init(window: OccurrenceWindow, cause: Cause) {
        index = window.index
        (minGapDays, maxGapDays) = (window.series.gapDays.lowerBound, window.series.gapDays.upperBound)
        (previous, next) = (window.previous, window.next)
        if let earliest = window.earliest, let latest = window.latest, earliest <= latest {
            (earliestDate, latestDate) = (earliest, latest)
        }
        self.cause = cause
    }
}
