import TelemedCore

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

    /// What `planning-window.mustache` shows.
    struct Context {
        struct Roll {
            var date: String
            var placed, repaired, overdue, unplaced: Int
        }

        var from: String
        var to: String
        var weeks: Int
        var hasRolls: Bool
        var rolls: [Roll]
    }

    var context: Context {
        Context(
            from: FrenchVocabulary.date(today), to: FrenchVocabulary.date(end), weeks: weeks, hasRolls: !rolls.isEmpty,
            rolls: rolls.map {
                Context.Roll(
                    date: FrenchVocabulary.date($0.date), placed: $0.placed, repaired: $0.repaired,
                    overdue: $0.overdue, unplaced: $0.unplaced)
            })
    }
}
