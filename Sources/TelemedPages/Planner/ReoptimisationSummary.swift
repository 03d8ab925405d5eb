import Foundation
import TelemedCore
import TelemedReports

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

    /// One French sentence, HTML-escaped.
    func render() -> String {
        let clock = WallClock.paris
        let when =
            FrenchVocabulary.date(clock.localDate(of: startedAt)) + " à "
            + FrenchVocabulary.time(clock.localTime(of: startedAt))
        switch state {
        case .running:
            return "<p>Réoptimisation lancée le \(HTML.escape(when)) : calcul en cours, rechargez la page.</p>"
        case .failed:
            return "<p class=\"alert\">La réoptimisation lancée le \(HTML.escape(when)) a échoué "
                + "(voir le journal du service) : rien n’a changé.</p>"
        case .applied(let counts):
            let parts = [
                Self.count(counts.rescheduled, "séance proposée déplacée", "séances proposées déplacées"),
                Self.count(counts.cancelled, "annulée", "annulées"),
                Self.count(counts.added, "ajoutée", "ajoutées"),
                Self.count(counts.unchanged, "inchangée", "inchangées"),
                Self.count(counts.skipped, "laissée en l’état", "laissées en l’état"),
            ]
            return "<p>Dernière réoptimisation, lancée le \(HTML.escape(when)) : \(parts.joined(separator: ", ")) ; "
                + Self.count(counts.routesReplaced, "tournée remplacée", "tournées remplacées") + ".</p>"
        }
    }

    private static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "<strong>\(value)</strong> \(value > 1 ? plural : singular)"
    }
}
