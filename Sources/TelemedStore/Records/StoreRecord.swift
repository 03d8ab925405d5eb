import Foundation
import GRDB
import TelemedCore

/// A row type of the store: `Codable` with the column names as property names. Nested value lists
/// (opening hours, equipment…) are stored as JSON text by GRDB with the scenario's own conventions
/// (sorted keys, ISO 8601 instants), so a JSON column reads back as the value that was written.
///
/// Every save refuses a text holding NUL: SQLite's C text API would cut it there.
protocol StoreRecord: Codable, FetchableRecord, PersistableRecord, SQLRecord {}

extension StoreRecord {
    static func databaseJSONEncoder(for column: String) -> JSONEncoder { StoreJSON.encoder }
    static func databaseJSONDecoder(for column: String) -> JSONDecoder { StoreJSON.decoder }

    func willSave(_ db: Database) throws {
        for (column, value) in try databaseDictionary {
            if case .string(let text) = value.storage, text.utf8.contains(0) {
                throw StoreError.invalidText(field: "\(Self.databaseTableName).\(column)")
            }
        }
    }
}

/// Compact JSON for JSON columns and audit payloads: the scenario's encoder without the
/// pretty-printing, so instants and key order follow `ScenarioCoder`.
enum StoreJSON {
    static func makeEncoder() -> JSONEncoder {
        let encoder = ScenarioCoder.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Shared: GRDB asks for a coder per JSON column of every row, and making one costs more than
    /// decoding a short list. JSON coders are thread-safe.
    static let encoder = makeEncoder()
    static let decoder = ScenarioCoder.makeDecoder()

    static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
