import Foundation
import TelemedCore
import TelemedHTML

/// How a choropleth turns an indicator into a colour: classes bounded by ascending breaks, one
/// colour each, light for little and dark for much, and the legend that says so. The same scale
/// colours every variant's map, so a change of colour is a change of figure.
struct ChoroplethScale: Sendable {
    /// What the map shows, for its caption.
    var title: String
    /// The same, short enough for the legend under a map.
    var legendTitle: String
    /// Ascending upper bounds of every class but the last.
    var breaks: [Double]
    /// One colour per class.
    var palette: [String]
    /// Written after a class's bounds ("%", "").
    var unit: String
    var places: Int

    /// Territories without inhabitants the data knows.
    static let noData = "#d5d8dc"

    /// Yellow to dark red: the share of inhabitants beyond 30 minutes, in fixed classes so that
    /// two studies read alike.
    static let beyond30Minutes = ChoroplethScale(
        title: "Part des habitants à plus de 30 min d’un lieu utilisé",
        legendTitle: "Habitants à plus de 30 min, par EPCI", breaks: [5, 15, 30, 50],
        palette: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"], unit: "\u{00A0}%", places: 0)

    /// Light to dark blue, in quintiles of the base's territories (two significant digits,
    /// repeats dropped): consultations per 1,000 inhabitants vary too much with the period and the
    /// programme for fixed classes (0.2 over two weeks, 40 over a year).
    static func consultations(base values: [Double]) -> ChoroplethScale {
        let sorted = values.filter(\.isFinite).sorted()
        var breaks: [Double] = []
        if let last = sorted.last, last > 0 {
            for quantile in [0.2, 0.4, 0.6, 0.8] {
                let value = significant(sorted[Int((Double(sorted.count - 1) * quantile).rounded())])
                if value > (breaks.last ?? 0) { breaks.append(value) }
            }
        }
        let blues = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
        // Enough decimals to tell the smallest break from zero.
        let places = max(0, min(3, 1 - (breaks.first ?? 1).log10Floor))
        return ChoroplethScale(
            title: "Consultations pour 1\u{202F}000 habitants",
            legendTitle: "Consultations pour 1\u{202F}000 habitants, par EPCI",
            breaks: breaks, palette: Array(blues.suffix(breaks.count + 1)), unit: "", places: places)
    }

    /// Rounded to two significant digits: 0.1234 → 0.12, 47.6 → 48.
    static func significant(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let scale = pow(10, Double(1 - value.log10Floor))
        return (value * scale).rounded() / scale
    }

    func colour(_ value: Double?) -> String {
        guard let value, value.isFinite else { return Self.noData }
        return palette[breaks.firstIndex { value < $0 } ?? breaks.count]
    }

    /// One swatch per class, then the one for no data.
    var entries: [SVGMap.Legend.Entry] {
        func text(_ value: Double) -> String { FrenchVocabulary.number(value, places: places) + unit }
        let classes = palette.indices.map { index -> SVGMap.Legend.Entry in
            let label: String
            switch (index == 0 ? nil : breaks[index - 1], index < breaks.count ? breaks[index] : nil) {
            case (nil, nil): label = "toutes valeurs"
            case (nil, let upper?): label = "moins de \(text(upper))"
            case (let lower?, nil): label = "\(text(lower)) et plus"
            case (let lower?, let upper?): label = "\(text(lower)) à \(text(upper))"
            }
            return .init(.swatch, colour: palette[index], label: label)
        }
        return classes + [.init(.swatch, colour: Self.noData, label: "habitants inconnus")]
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for a positive x: −1 for 0.12, 1 for 47.6.
    fileprivate var log10Floor: Int { Int(log10(self).rounded(.down)) }
}
