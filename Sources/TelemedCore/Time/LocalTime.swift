/// A wall-clock time of day as a person writes it, `HH:mm`, from `00:00` to `24:00`.
///
/// `24:00` exists so a window can end at midnight (`{"start": "20:00", "end": "24:00"}`).
public struct LocalTime: Hashable, Comparable, Sendable {
    /// Minutes since midnight, `0...1440`.
    public let minutesSinceMidnight: Int

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.minutesSinceMidnight = hour * 60 + minute
    }

    public init?(minutesSinceMidnight: Int) {
        guard (0...1440).contains(minutesSinceMidnight) else { return nil }
        self.minutesSinceMidnight = minutesSinceMidnight
    }

    /// Parses `HH:mm` (or `H:mm`).
    public init(_ text: String) throws(TimeFormatError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            let time = LocalTime(hour: hour, minute: minute)
        else { throw TimeFormatError.invalidTime(text) }
        self = time
    }

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    public static let midnight = LocalTime(minutesSinceMidnight: 0)!
    public static let endOfDay = LocalTime(minutesSinceMidnight: 1440)!

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

extension LocalTime: CustomStringConvertible {
    /// `HH:mm`.
    public var description: String {
        "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

extension LocalTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalTime(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
