import Foundation
import TelemedCore

/// How commands write times and figures for people: local times in Europe/Paris, fixed decimals.
enum LocalFormat {
    static let clock = WallClock.paris

    /// `10:00`.
    static func time(_ instant: Date) -> String { "\(clock.localTime(of: instant))" }

    /// `2027-05-11 (tuesday)`.
    static func day(_ date: LocalDate) -> String { "\(date) (\(date.weekday.rawValue))" }

    /// `2027-05-11 (tuesday) 10:00–10:30`, both dates written when the interval crosses midnight.
    static func span(_ interval: UTCInterval) -> String {
        let (first, last) = (clock.localDate(of: interval.start), clock.localDate(of: interval.end))
        let end = first == last ? time(interval.end) : "\(day(last)) \(time(interval.end))"
        return "\(day(first)) \(time(interval.start))–\(end)"
    }

    /// `12.3`: one decimal, no locale.
    static func decimal(_ value: Double, places: Int = 1) -> String { String(format: "%.\(places)f", value) }

    /// `95.8 %`, or `–` when there is nothing to divide by.
    static func percent(_ value: Double?) -> String { value.map { decimal($0) + " %" } ?? "–" }

    /// A 0…1 ratio as a percentage.
    static func percent(ratio: Double?) -> String { percent(ratio.map { $0 * 100 }) }

    /// `–` for nil.
    static func optional(_ value: Double?) -> String { value.map { decimal($0) } ?? "–" }

    /// `2 h 05` from minutes.
    static func hoursAndMinutes(_ minutes: Double) -> String {
        let total = Int(minutes.rounded())
        return "\(total / 60) h \(total % 60 < 10 ? "0" : "")\(total % 60)"
    }

    /// Seconds with one decimal, from a `Duration`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return decimal(Double(seconds) + Double(attoseconds) / 1e18) + " s"
    }
}
