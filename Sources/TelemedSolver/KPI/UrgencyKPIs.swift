import TelemedCore

/// Service figures of one urgency. Wait = local date (Europe/Paris) of the booking's start − the
/// request's release date, in days, over served requests.
public struct UrgencyKPIs: Codable, Hashable, Sendable {
    public var urgency: Urgency
    public var requests: Int
    public var served: Int
    public var servedPercent: Double?
    /// Median wait in days (the mean of the two middle values for an even count); nil when none served.
    public var waitMedianDays: Double?
    /// 90th percentile of the wait, interpolated linearly between ranks; nil when none served.
    public var waitP90Days: Double?
    /// Served requests that start after their due date.
    public var late: Int

    public init(urgency: Urgency, requests: Int, served: Int, waits: [Int], late: Int) {
        self.urgency = urgency
        self.requests = requests
        self.served = served
        self.servedPercent = requests == 0 ? nil : 100 * Double(served) / Double(requests)
        let sorted = waits.sorted()
        self.waitMedianDays = Self.percentile(0.5, ofSorted: sorted)
        self.waitP90Days = Self.percentile(0.9, ofSorted: sorted)
        self.late = late
    }

    /// Linear interpolation between closest ranks (R's type 7, NumPy's default): rank `(n − 1) × p`.
    public static func percentile(_ p: Double, ofSorted values: [Int]) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return Double(first) }
        let rank = Double(values.count - 1) * p
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = rank - Double(lower)
        return Double(values[lower]) + fraction * Double(values[upper] - values[lower])
    }
}
