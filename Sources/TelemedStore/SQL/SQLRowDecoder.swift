import Foundation

/// Decodes a `Decodable` record from a row the way GRDB's `Codable` records read them, so rows
/// written by either backend (or by earlier builds through GRDB) read back alike: a property is the
/// column of the same name; strings, numbers, booleans (0/1), data and instants
/// (``SQLInstant``) are read directly; a type that decodes from one value (ids, enums, local
/// dates) from the column's value; any other type (lists, nested structures) from the column's
/// JSON text with ``StoreJSON``'s decoder.
struct SQLRowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: [], debugDescription: "a row decodes as a keyed record"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: [], debugDescription: "a row decodes as a keyed record"))
    }

    private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: SQLRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columns.names.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { row.value(key.stringValue) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { (row.value(key.stringValue) ?? .null) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = row.value(key.stringValue) else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: [], debugDescription: "no column \(key.stringValue)"))
            }
            return try SQLColumnDecoding.decode(type, from: value, column: key.stringValue)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = row.value(key.stringValue), value != .null else { return nil }
            return try SQLColumnDecoding.decode(type, from: value, column: key.stringValue)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.typeMismatch(
                type, .init(codingPath: [key], debugDescription: "a column holds one value, not a nested record"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: [key], debugDescription: "a column holds one value, not a list"))
        }

        func superDecoder() throws -> any Decoder { SQLRowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { SQLRowDecoder(row: row) }
    }
}

/// One column's value as any `Decodable`.
enum SQLColumnDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from value: SQLValue, column: String) throws -> T {
        if let convertible = type as? any SQLValueConvertible.Type {
            guard let decoded = convertible.fromSQL(value) as? T else {
                throw SQLError.typeMismatch(column: column, expected: "\(type)", found: value)
            }
            return decoded
        }
        do {
            return try T(from: ColumnDecoder(value: value, column: column))
        } catch is NeedsJSON {
            guard case .text(let text) = value else {
                throw SQLError.typeMismatch(column: column, expected: "JSON text", found: value)
            }
            return try StoreJSON.decoder.decode(T.self, from: Data(text.utf8))
        }
    }

    /// The type wants a keyed or unkeyed container: its column holds JSON.
    struct NeedsJSON: Error {}

    /// A decoder over one value, for types that decode from a single value (ids, enums, dates).
    struct ColumnDecoder: Decoder, SingleValueDecodingContainer {
        let value: SQLValue
        let column: String
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            throw NeedsJSON()
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NeedsJSON() }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value == .null }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try SQLColumnDecoding.decode(type, from: value, column: column)
        }
    }
}
