import Foundation

/// Coordinates as the charts and maps write them: one decimal, a dot, whatever the locale.
enum SVGNumber {
    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
