import Foundation
import TelemedCore

/// A row type of the store: `Codable` with the column names as property names. Nested value lists
/// (opening hours, equipment…) are stored as JSON text with the scenario's own conventions (sorted
/// keys, ISO 8601 instants; see ``SQLRowEncoder``), so a JSON column reads back as the value that
/// was written.
protocol StoreRecord: Codable, SQLRecord {}

/// Compact JSON for JSON columns and audit payloads: the scenario's encoder without the
/// pretty-printing, so instants and key order follow `ScenarioCoder`.
enum StoreJSON {
    static func makeEncoder() -> JSONEncoder {
        let encoder = ScenarioCoder.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Shared: a coder is needed for every JSON column of every row, and making one costs more than
    /// decoding a short list. JSON coders are thread-safe.
    static let encoder = makeEncoder()
    static let decoder = ScenarioCoder.makeDecoder()

    static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
