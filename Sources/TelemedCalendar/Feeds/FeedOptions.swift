import Foundation

/// Choices a publisher makes for every feed.
public struct FeedOptions: Hashable, Sendable {
    /// One extra event per travel leg in unit route feeds (depot → first stop … last stop → depot).
    public var includeTravelLegs: Bool
    /// How long a cancelled booking stays in feeds, as `STATUS:CANCELLED`, after its cancellation.
    public var cancelledRetention: TimeInterval

    public static let thirtyDays: TimeInterval = 30 * 86_400

    public init(includeTravelLegs: Bool = false, cancelledRetention: TimeInterval = FeedOptions.thirtyDays) {
        self.includeTravelLegs = includeTravelLegs
        self.cancelledRetention = cancelledRetention
    }
}
