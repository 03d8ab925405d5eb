import Foundation

/// Reads and writes scenario and plan JSON the one way the project does: ISO 8601 UTC instants,
/// sorted keys (byte-stable output on Linux), pretty-printed for review in diffs.
public enum ScenarioCoder {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatInstant(date))
        }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInstant(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: TimeFormatError.invalidInstant(text).message)
            }
            return date
        }
        return decoder
    }

    /// Decodes a scenario file with its shorthands written out (``Scenario/expandingShorthands()``);
    /// a malformed document throws ``ScenarioDecodingError`` naming the JSON path.
    public static func decode(_ data: Data) throws(ScenarioDecodingError) -> Scenario {
        try decode(Scenario.self, from: data).expandingShorthands()
    }

    /// Decodes any document the project writes (a plan, KPIs) with the same conventions and the
    /// same path-naming errors as scenarios.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(ScenarioDecodingError)
        -> Value
    {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw ScenarioDecodingError(error)
        } catch {
            throw ScenarioDecodingError(path: "", message: "\(error)")
        }
    }

    public static func load(contentsOf url: URL) throws(ScenarioDecodingError) -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioDecodingError(path: "", message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try decode(data)
    }

    /// Pretty JSON with sorted keys and a final newline: the same value gives the same bytes.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        var data = try makeEncoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// ISO 8601 with an offset (`Z` or `+01:00`), with or without fractional seconds. Format
    /// styles are Sendable values, so one pair serves every decoder.
    static func parseInstant(_ text: String) -> Date? {
        (try? fractionalStyle.parse(text)) ?? (try? plainStyle.parse(text))
    }

    /// `2027-01-04T08:30:00Z`; with milliseconds (`…T08:30:00.060Z`) only when the instant is not a
    /// whole second, so minute-resolution files keep their bytes and tick-resolution plans round-trip.
    static func formatInstant(_ date: Date) -> String {
        // Integer milliseconds: a formatter given the binary Double would truncate .060 to .059.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = seconds - (fraction < 0 ? 1 : 0)
        let text = plainStyle.format(Date(timeIntervalSince1970: TimeInterval(whole)))
        let millis = (fraction + 1000) % 1000
        guard millis != 0 else { return text }
        return String(text.dropLast()) + "." + String(String(millis + 1000).dropFirst()) + "Z"
    }

    private static let fractionalStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plainStyle = Date.ISO8601FormatStyle()
}
