import Foundation

/// Encodes an `Encodable` record into its columns, mirroring ``SQLRowDecoder`` (and GRDB's
/// `Codable` records): one column per property, in the order the record encodes them; a nil
/// optional is an explicit NULL.
final class SQLRowEncoder: Encoder {
    private(set) var columns: [(name: String, value: SQLValue)] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func columns(of record: some Encodable) throws -> [(name: String, value: SQLValue)] {
        let encoder = SQLRowEncoder()
        try record.encode(to: encoder)
        return encoder.columns
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RowContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a record encodes as keyed columns")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a record encodes as keyed columns")
    }

    fileprivate func set(_ name: String, _ value: SQLValue) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].value = value
        } else {
            columns.append((name, value))
        }
    }

    private struct RowContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: SQLRowEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { encoder.set(key.stringValue, .null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.set(key.stringValue, try SQLColumnEncoding.value(of: value))
        }

        // A nil optional writes NULL rather than leaving the column out, so an update clears it.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            encoder.set(key.stringValue, try value.map(SQLColumnEncoding.value(of:)) ?? .null)
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            encoder.set(key.stringValue, value.map { .text($0) } ?? .null)
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            encoder.set(key.stringValue, value?.sqlValue ?? .null)
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
            encoder.set(key.stringValue, value?.sqlValue ?? .null)
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            encoder.set(key.stringValue, value?.sqlValue ?? .null)
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            encoder.set(key.stringValue, value?.sqlValue ?? .null)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            preconditionFailure("a column holds one value, not a nested record")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("a column holds one value, not a list")
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }
}

/// One `Encodable` as one column's value.
enum SQLColumnEncoding {
    static func value<T: Encodable>(of value: T) throws -> SQLValue {
        if let convertible = value as? any SQLValueConvertible { return convertible.sqlValue }
        let single = SingleValueCapture()
        do {
            try value.encode(to: single)
            if let captured = single.captured { return captured }
        } catch is SQLColumnDecoding.NeedsJSON {}
        return .text(try StoreJSON.text(value))
    }

    /// Catches a type that encodes as one value (an id, an enum, a local date); any other throws
    /// ``SQLColumnDecoding/NeedsJSON`` at its first keyed or unkeyed container.
    final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
        var captured: SQLValue?
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Refusing<Key>())
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        func encodeNil() throws { captured = .null }
        func encode<T: Encodable>(_ value: T) throws { captured = try SQLColumnEncoding.value(of: value) }
    }

    /// Containers whose first use reports that the value needs JSON.
    struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { throw SQLColumnDecoding.NeedsJSON() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw SQLColumnDecoding.NeedsJSON() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleValueCapture() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueCapture() }
    }

    struct RefusingList: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw SQLColumnDecoding.NeedsJSON() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw SQLColumnDecoding.NeedsJSON() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleValueCapture() }
    }
}
