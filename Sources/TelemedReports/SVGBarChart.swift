import Foundation

/// A grouped bar chart as inline SVG: one group per category, one bar per series, values written
/// above the bars, a legend, and a title for screen readers. No script, no external file.
public struct SVGBarChart: Sendable {
    public var title: String
    public var unit: String
    public var categories: [String]
    /// One series per variant: its name and one value per category (nil: no bar).
    public var series: [(name: String, values: [Double?])]

    public init(title: String, unit: String, categories: [String], series: [(name: String, values: [Double?])]) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
    }

    public static let palette = ["#1b4f72", "#d35400", "#117a65", "#7d3c98", "#b7950b", "#566573"]

    public func render(width: Double = 760, height: Double = 260) -> String {
        let top = 30.0
        let bottom = 60.0
        let left = 48.0
        let plotHeight = height - top - bottom
        let maximum = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1) * 1.1
        let groupWidth = (width - left - 10) / Double(max(1, categories.count))
        let barWidth = max(2, (groupWidth - 8) / Double(max(1, series.count)))
        var svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(HTML.escape(title))</title>"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" stroke=\"#444\"/>"
        svg += "<text x=\"4\" y=\"\(top - 12)\" class=\"axis\">\(HTML.escape(unit))</text>"
        for (c, category) in categories.enumerated() {
            let x0 = left + Double(c) * groupWidth + 4
            for (s, entry) in series.enumerated() {
                guard let value = entry.values[c] else { continue }
                let barHeight = plotHeight * value / maximum
                let x = x0 + Double(s) * barWidth
                let y = top + plotHeight - barHeight
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth - 1))\" height=\"\(format(barHeight))\""
                    + " fill=\"\(Self.palette[s % Self.palette.count])\"><title>\(HTML.escape(entry.name)) · "
                    + "\(HTML.escape(category)) : \(French.number(value, places: 1))</title></rect>"
                if barWidth >= 14 {
                    svg +=
                        "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(y - 3))\" class=\"value\">"
                        + "\(French.number(value, places: value < 10 ? 1 : 0))</text>"
                }
            }
            svg +=
                "<text x=\"\(format(x0 + groupWidth / 2 - 4))\" y=\"\(format(top + plotHeight + 16))\" class=\"category\">"
                + "\(HTML.escape(category))</text>"
        }
        for (s, entry) in series.enumerated() {
            let x = left + Double(s) * 170
            svg +=
                "<rect x=\"\(format(x))\" y=\"\(format(height - 22))\" width=\"12\" height=\"12\""
                + " fill=\"\(Self.palette[s % Self.palette.count])\"/>"
                + "<text x=\"\(format(x + 16))\" y=\"\(format(height - 12))\" class=\"legend\">\(HTML.escape(entry.name))</text>"
        }
        return svg + "</svg>"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
