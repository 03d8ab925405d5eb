import Foundation
import TelemedCore

/// The last re-optimisation as the planner page tells it: running, failed, or what it changed in
/// the live schedule (proposed bookings moved, cancelled, added, left alone; routes replaced).
public struct ReoptimisationSummary: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        case running
        case failed
        case applied(Counts)
    }

    /// What the apply did, in the counts a planner reads.
    public struct Counts: Hashable, Sendable {
        public var rescheduled: Int
        public var cancelled: Int
        public var added: Int
        public var unchanged: Int
        /// Left as they were: changed meanwhile by staff, colliding with a booking confirmed
        /// meanwhile, or frozen by the route cut-off.
        public var skipped: Int
        public var routesReplaced: Int

        public init(rescheduled: Int, cancelled: Int, added: Int, unchanged: Int, skipped: Int, routesReplaced: Int) {
            self.rescheduled = rescheduled
            self.cancelled = cancelled
            self.added = added
            self.unchanged = unchanged
            self.skipped = skipped
            self.routesReplaced = routesReplaced
        }
    }

    public var startedAt: Date
    public var state: State

    public init(startedAt: Date, state: State) {
        self.startedAt = startedAt
        self.state = state
    }

    /// What `reoptimisation.mustache` writes: one French sentence.
    struct Sentence {
        struct Count {
            var value: Int
            var words: String
            /// ", " between counts, "" after the last.
            var separator: String
        }

        var when: String
        var isRunning, isFailed, isApplied: Bool
        var counts, routes: [Count]
    }

    var sentence: Sentence {
        let clock = WallClock.paris
        let when =
            FrenchVocabulary.date(clock.localDate(of: startedAt)) + " à "
            + FrenchVocabulary.time(clock.localTime(of: startedAt))
        var sentence = Sentence(
            when: when, isRunning: false, isFailed: false, isApplied: false, counts: [], routes: [])
        switch state {
        case .running: sentence.isRunning = true
        case .failed: sentence.isFailed = true
        case .applied(let counts):
            sentence.isApplied = true
            let parts = [
                (counts.rescheduled, "séance proposée déplacée", "séances proposées déplacées"),
                (counts.cancelled, "annulée", "annulées"), (counts.added, "ajoutée", "ajoutées"),
                (counts.unchanged, "inchangée", "inchangées"),
                (counts.skipped, "laissée en l’état", "laissées en l’état"),
            ]
            sentence.counts = parts.enumerated().map { index, part in
                Sentence.Count(
                    value: part.0, words: part.0 > 1 ? part.2 : part.1, separator: index < parts.count - 1 ? ", " : "")
            }
            sentence.routes = [
                Sentence.Count(
                    value: counts.routesReplaced,
                    words: counts.routesReplaced > 1 ? "tournées remplacées" : "tournée remplacée", separator: "")
            ]
        }
        return sentence
    }
}
