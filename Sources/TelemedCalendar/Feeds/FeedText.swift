import Foundation
import TelemedCore

/// Local times and legs as feeds write them; dates and figures in words come from
/// ``FrenchVocabulary``, like the pages'.
enum FeedText {
    static let clock = WallClock.paris

    /// `09:30`.
    static func time(_ instant: Date) -> String { "\(clock.localTime(of: instant))" }

    /// `09:30–10:00`.
    static func span(_ start: Date, _ end: Date) -> String { "\(time(start))–\(time(end))" }

    /// `23 min, 18,4 km`.
    static func leg(_ leg: TravelLeg) -> String {
        "\(Int(leg.minutes.rounded(.up))) min, \(FrenchVocabulary.number(leg.kilometres, places: 1)) km"
    }

    /// `EHPAD Les Tilleuls, 3 rue des Lilas, Beaufort`: the address is left out when empty.
    static func location(of site: Site) -> String {
        [site.name, site.address, site.commune].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
