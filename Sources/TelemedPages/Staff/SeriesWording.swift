import TelemedCore

/// How the staff page words a care series in French: its rhythm, the days a session may take,
/// and why a session cannot move. The server words a refused move with it too.
public enum SeriesWording {
    /// Why no day is offered to move a session (the API's `unavailable.spacing.cause`).
    public enum Cause: Sendable {
        /// The gap after the previous session and the one before the next share no day.
        case noDayKeepsBothGaps
        /// The days the gaps allow are past, or after the planning window.
        case outsidePlanningWindow
        /// No slot is free on those days.
        case noFreeSlot
    }

    /// « Série de 6 séances — tous les 11 à 17 jours » (« tous les 14 jours » for a fixed gap).
    public static func heading(count: Int, minGapDays: Int, maxGapDays: Int) -> String {
        "Série de \(count) séances — " + rhythm(minGapDays: minGapDays, maxGapDays: maxGapDays)
    }

    /// « tous les 11 à 17 jours ».
    static func rhythm(minGapDays: Int, maxGapDays: Int) -> String {
        minGapDays == maxGapDays ? "tous les \(minGapDays) jours" : "tous les \(minGapDays) à \(maxGapDays) jours"
    }

    /// « le 26/03 » for one day, « entre le 26/03 et le 29/03 » for several.
    public static func days(_ first: LocalDate, _ last: LocalDate) -> String {
        first == last ? "le \(dayMonth(first))" : "entre le \(dayMonth(first)) et le \(dayMonth(last))"
    }

    /// « l’écart avec la séance 2 (le 12/01) doit rester entre 11 et 17 jours : aucun créneau
    /// n’est libre entre le 23/01 et le 29/01 », naming each booked neighbour (index, day).
    public static func spacingRefusal(
        neighbours: [(index: Int, date: LocalDate)], minGapDays: Int, maxGapDays: Int,
        window: ClosedRange<LocalDate>?, cause: Cause
    ) -> String {
        let named = neighbours.map { "la séance \($0.index) (le \(dayMonth($0.date)))" }
        let gap =
            minGapDays == maxGapDays
            ? "rester de \(minGapDays) jours" : "rester entre \(minGapDays) et \(maxGapDays) jours"
        let rule = "l’écart avec " + named.joined(separator: " et avec ") + " doit \(gap)"
        let days = window.map { Self.days($0.lowerBound, $0.upperBound) } ?? ""
        switch cause {
        case .noDayKeepsBothGaps:
            return rule + " : aucun jour ne respecte les deux écarts ; déplacez d’abord l’une de ces séances"
        case .outsidePlanningWindow:
            return rule + " : les jours possibles (\(days)) sont passés ou au-delà de la période planifiée"
        case .noFreeSlot:
            return rule + " : aucun créneau n’est libre \(days)"
        }
    }

    /// « 26/03 »: a session's day where the year goes without saying.
    static func dayMonth(_ date: LocalDate) -> String {
        String(FrenchVocabulary.numericDate(date).prefix(5))
    }
}
