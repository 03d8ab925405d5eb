import TelemedCore

/// A grouped bar chart as inline SVG: one group per category, one bar per series, values written
/// above the bars, a legend, and a title for screen readers. No script, no external file. The
/// geometry is computed here; `bar-chart.mustache` writes it (a page includes it as a partial
/// inside a section holding a ``Drawing``).
public struct SVGBarChart: Sendable {
    public var title: String
    public var unit: String
    public var categories: [String]
    /// One series per variant: its name and one value per category (nil: no bar).
    public var series: [(name: String, values: [Double?])]
    /// Decimals written above the bars; nil: one below 10, none from 10 on. Counts take 0.
    public var places: Int?

    public init(
        title: String, unit: String, categories: [String], series: [(name: String, values: [Double?])],
        places: Int? = nil
    ) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
        self.places = places
    }

    public static let palette = ["#1b4f72", "#d35400", "#117a65", "#7d3c98", "#b7950b", "#566573"]

    /// What `bar-chart.mustache` draws: coordinates already written as SVG numbers.
    public struct Drawing: Sendable {
        struct Bar: Sendable {
            var x, y, width, height, fill: String
            /// "variant · category : value", shown on hover and read by screen readers.
            var tooltip: String
            var showsValue: Bool
            var valueX, valueY, value: String
        }

        struct Group: Sendable {
            var bars: [Bar]
            var categoryX, categoryY, category: String
        }

        struct LegendEntry: Sendable {
            var boxX, boxY, textX, textY, fill, name: String
        }

        var viewBox: String
        var chartTitle: String
        var axisX1, axisY, axisX2: String
        var unitY, unit: String
        var groups: [Group]
        var legend: [LegendEntry]
    }

    public func drawing(width: Double = 760, height: Double = 260) -> Drawing {
        let top = 30.0
        let bottom = 60.0
        let left = 48.0
        let plotHeight = height - top - bottom
        let maximum = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1) * 1.1
        let groupWidth = (width - left - 10) / Double(max(1, categories.count))
        let barWidth = max(2, (groupWidth - 8) / Double(max(1, series.count)))
        let groups = categories.enumerated().map { c, category in
            let x0 = left + Double(c) * groupWidth + 4
            let bars = series.enumerated().compactMap { s, entry -> Drawing.Bar? in
                guard let value = entry.values[c] else { return nil }
                let barHeight = plotHeight * value / maximum
                let x = x0 + Double(s) * barWidth
                let y = top + plotHeight - barHeight
                return Drawing.Bar(
                    x: SVGNumber.format(x), y: SVGNumber.format(y), width: SVGNumber.format(barWidth - 1),
                    height: SVGNumber.format(barHeight), fill: Self.colour(s),
                    tooltip: "\(entry.name) · \(category) : \(FrenchVocabulary.number(value, places: places ?? 1))",
                    showsValue: barWidth >= 14, valueX: SVGNumber.format(x + barWidth / 2),
                    valueY: SVGNumber.format(y - 3),
                    value: FrenchVocabulary.number(value, places: places ?? (value < 10 ? 1 : 0)))
            }
            return Drawing.Group(
                bars: bars, categoryX: SVGNumber.format(x0 + groupWidth / 2 - 4),
                categoryY: SVGNumber.format(top + plotHeight + 16), category: category)
        }
        let legend = series.enumerated().map { s, entry in
            let x = left + Double(s) * 170
            return Drawing.LegendEntry(
                boxX: SVGNumber.format(x), boxY: SVGNumber.format(height - 22), textX: SVGNumber.format(x + 16),
                textY: SVGNumber.format(height - 12), fill: Self.colour(s), name: entry.name)
        }
        return Drawing(
            viewBox: "0 0 \(Int(width)) \(Int(height))", chartTitle: title, axisX1: "\(left)",
            axisY: "\(top + plotHeight)", axisX2: "\(width - 10)", unitY: "\(top - 12)", unit: unit, groups: groups,
            legend: legend)
    }

    /// The chart alone, as `<svg>…</svg>`.
    public func render(width: Double = 760, height: Double = 260) -> String {
        TelemedHTML.library.render(drawing(width: width, height: height), "bar-chart")
    }

    static func colour(_ series: Int) -> String { palette[series % palette.count] }
}
