import TelemedCore
import TelemedReports

/// The planning window as the planner page tells it: the dates it covers, and what the last
/// nightly rolls did (requests placed, proposed sessions repaired, requests overdue or still
/// without a place).
public struct PlanningWindowSummary: Hashable, Sendable {
    /// One night's roll, in the counts a planner reads.
    public struct Roll: Hashable, Sendable {
        public var date: LocalDate
        public var placed: Int
        public var repaired: Int
        public var overdue: Int
        public var unplaced: Int

        public init(date: LocalDate, placed: Int, repaired: Int, overdue: Int, unplaced: Int) {
            self.date = date
            self.placed = placed
            self.repaired = repaired
            self.overdue = overdue
            self.unplaced = unplaced
        }
    }

    public var today: LocalDate
    public var end: LocalDate
    public var weeks: Int
    /// Newest first.
    public var rolls: [Roll]

    public init(today: LocalDate, end: LocalDate, weeks: Int, rolls: [Roll]) {
        self.today = today
        self.end = end
        self.weeks = weeks
        self.rolls = rolls
    }

    func render() -> String {
        let dates =
            "<p>Le plan couvre du <strong>\(HTML.escape(FrenchVocabulary.date(today)))</strong> au "
            + "<strong>\(HTML.escape(FrenchVocabulary.date(end)))</strong> (\(weeks) semaines glissantes) ; "
            + "chaque nuit la fenêtre avance d’un jour : les demandes en attente sont placées dans les "
            + "nouveaux jours et les séances proposées devenues impossibles sont replanifiées.</p>"
        guard !rolls.isEmpty else { return dates + "<p>Aucun passage de nuit n’a encore eu lieu.</p>" }
        let rows = rolls.map { roll in
            "<tr><th scope=\"row\">\(HTML.escape(FrenchVocabulary.date(roll.date)))</th>"
                + "<td>\(roll.placed)</td><td>\(roll.repaired)</td><td>\(roll.overdue)</td><td>\(roll.unplaced)</td></tr>"
        }
        return dates
            + "<table><caption>Derniers passages de nuit</caption><thead><tr><th scope=\"col\">Jour</th>"
            + "<th scope=\"col\">Demandes placées</th><th scope=\"col\">Séances replanifiées</th>"
            + "<th scope=\"col\">Demandes en retard</th><th scope=\"col\">Demandes sans place</th></tr></thead>"
            + "<tbody>\(rows.joined())</tbody></table>"
    }
}
