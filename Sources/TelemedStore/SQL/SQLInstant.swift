import Foundation
import TelemedCore

/// The text an instant is stored as: `YYYY-MM-DD HH:MM:SS.SSS` in UTC, GRDB's format, so files
/// written before the store had two backends compare and read as before, and text order is time
/// order. Written and read by arithmetic rather than a `DateFormatter`: a confirmation reads a few
/// hundred instants.
enum SQLInstant {
    static func text(_ date: Date) -> String {
        // To the nearest millisecond, as GRDB's formatter (ICU) does.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, dayMilliseconds) = floorDivision(milliseconds, 86_400_000)
        let day = LocalDate(daysSinceEpoch: Int(days))
        let second = dayMilliseconds / 1000
        return day.description + " " + pad(second / 3600, 2) + ":"
            + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2) + "." + pad(dayMilliseconds % 1000, 3)
    }

    /// Nil unless `text` is `YYYY-MM-DD HH:MM[:SS[.S…]]` (or a bare date) with valid fields.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
            let month = number(5..<7), let day = number(8..<10),
            let date = LocalDate(year: Int(year), month: Int(month), day: Int(day))
        else { return nil }
        var milliseconds = Int64(date.daysSinceEpoch) * 86_400_000
        if bytes.count == 10 { return Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
        guard bytes.count >= 16, bytes[10] == 32 || bytes[10] == 84, bytes[13] == 58,
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        milliseconds += (hour * 60 + minute) * 60_000
        if bytes.count > 16 {
            guard bytes.count >= 19, bytes[16] == 58, let second = number(17..<19), second < 60 else { return nil }
            milliseconds += second * 1000
            if bytes.count > 19 {
                guard bytes[19] == 46, bytes.count > 20, bytes.count <= 29, let fraction = number(20..<bytes.count)
                else { return nil }
                let digits = bytes.count - 20
                guard digits > 3 else {
                    let scale: Int64 = digits == 1 ? 100 : digits == 2 ? 10 : 1
                    return Date(timeIntervalSince1970: Double(milliseconds + fraction * scale) / 1000)
                }
                var scaled = Double(fraction)
                for _ in 0..<digits { scaled /= 10 }
                return Date(timeIntervalSince1970: Double(milliseconds) / 1000 + scaled)
            }
        }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let quotient = a / b - (a % b < 0 ? 1 : 0)
        return (quotient, a - quotient * b)
    }
}
