import Foundation
import TelemedCore

/// Local times and figures written the French way, independent of the machine's locale.
enum FeedText {
    static let clock = WallClock.paris

    /// `09:30`.
    static func time(_ instant: Date) -> String { "\(clock.localTime(of: instant))" }

    /// `09:30–10:00`.
    static func span(_ start: Date, _ end: Date) -> String { "\(time(start))–\(time(end))" }

    /// `26/03/2027`.
    static func day(_ date: LocalDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// `18,4`: one decimal with a decimal comma.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(abs(tenths % 10))"
    }

    /// `23 min, 18,4 km`.
    static func leg(_ leg: TravelLeg) -> String {
        "\(Int(leg.minutes.rounded(.up))) min, \(decimal(leg.kilometres)) km"
    }

    /// `EHPAD Les Tilleuls, 3 rue des Lilas, Beaufort`: the address is left out when empty.
    static func location(of site: Site) -> String {
        [site.name, site.address, site.commune].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
