import Foundation

extension Duration {
    /// Whole and fractional seconds, for `Date` arithmetic and reports.
    public var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
