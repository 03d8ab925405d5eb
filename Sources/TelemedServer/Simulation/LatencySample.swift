/// Durations measured in a simulation, for percentiles.
struct LatencySample: Sendable {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ duration: Duration) {
        let parts = duration.components
        milliseconds.append(Double(parts.seconds) * 1000 + Double(parts.attoseconds) * 1e-15)
    }

    mutating func add(_ other: LatencySample) {
        milliseconds += other.milliseconds
    }

    /// The nearest-rank percentile (0 for no sample), rounded to the microsecond.
    func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return (sorted[rank] * 1000).rounded() / 1000
    }
}
