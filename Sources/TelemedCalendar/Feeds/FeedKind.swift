/// Whose schedule a feed holds.
public enum FeedKind: String, Codable, Sendable, CaseIterable {
    /// An itinerant unit's route: one event per stop.
    case unit
    /// A remote specialist's sessions.
    case specialist
    /// The sessions held at one site.
    case site
}
