import Foundation
import TelemedCore

/// How numbers, dates and vocabulary read in the French pages: decimal comma, thin spaces between
/// thousands, "%" after a no-break space.
public enum French {
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

    public static func urgency(_ urgency: Urgency) -> String {
        switch urgency {
        case .urgent: "urgent"
        case .soon: "semi-urgent"
        case .routine: "programmé"
        }
    }

    public static func specialty(_ specialty: Specialty) -> String {
        let names: [Specialty: String] = [
            .dermatology: "dermatologie", .woundCare: "plaies et cicatrisation", .cardiology: "cardiologie",
            .psychiatry: "psychiatrie", .geriatrics: "gériatrie", .neurology: "neurologie",
            .ophthalmology: "ophtalmologie", .endocrinology: "endocrinologie", .pulmonology: "pneumologie",
            .dentistry: "soins dentaires", .generalPractice: "médecine générale", .screening: "dépistage",
        ]
        return names[specialty] ?? specialty.rawValue
    }
}
