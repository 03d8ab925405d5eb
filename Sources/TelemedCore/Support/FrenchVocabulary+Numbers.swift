import Foundation

/// How figures read in the French pages, feeds and reports: decimal comma, thin spaces between
/// thousands, "%" after a no-break space.
extension FrenchVocabulary {
    /// `1 275`, `97,6`; nil becomes "–".
    public static func number(_ value: Double?, places: Int = 0) -> String {
        guard let value, value.isFinite else { return "–" }
        let rounded = (value * pow(10, Double(places))).rounded() / pow(10, Double(places))
        let negative = rounded < 0
        let whole = Int(abs(rounded).rounded(.down))
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if places > 0 {
            let fraction = Int(((abs(rounded) - Double(whole)) * pow(10, Double(places))).rounded())
            grouped += "," + String(String(fraction + Int(pow(10, Double(places)))).dropFirst())
        }
        return (negative ? "−" : "") + grouped
    }

    public static func number(_ value: Int) -> String { number(Double(value)) }

    /// `97,6 %`.
    public static func percent(_ value: Double?) -> String {
        value == nil ? "–" : number(value, places: 1) + "\u{00A0}%"
    }

    /// `+15`, `−3`, `0`.
    public static func signed(_ value: Double, places: Int = 0) -> String {
        let text = number(value, places: places)
        return value > 0 && text != number(0, places: places) ? "+" + text : text
    }
}
