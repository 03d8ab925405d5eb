/// The tokens and feed secrets made when a region is set up. Only their hashes are stored, so
/// this is the one time they can be shown: `telemed serve` writes them to a file readable by its
/// user alone and prints the few a person needs first.
public struct RegionCredentials: Codable, Sendable {
    /// One feed's secret: the feed is at `/feeds/<secret>.ics`.
    public struct Feed: Codable, Sendable {
        /// `site`, `unit` or `specialist`.
        public var kind: String
        public var ownerId: String
        public var secret: String

        public var path: String { "/feeds/\(secret).ics" }
    }

    /// Nil when the operator chose it (`TELEMED_ADMIN_TOKEN`).
    public var adminToken: String?
    public var plannerToken: String
    /// Site id → token of its staff.
    public var siteTokens: [String: String]
    /// Unit id → token of its crew.
    public var unitTokens: [String: String]
    /// Specialist id → token of the specialist (their page of sessions and outcomes).
    public var specialistTokens: [String: String]
    public var feeds: [Feed]
}
