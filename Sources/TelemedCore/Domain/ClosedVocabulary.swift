/// A fixed list of names (urgency, mode, weekday…). Decoding an unknown name fails with a
/// message that lists the accepted ones, instead of Swift's generic wording.
public protocol ClosedVocabulary: CaseIterable, RawRepresentable, Codable, Sendable where RawValue == String {}

extension ClosedVocabulary {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let accepted = Self.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not one of \(accepted)")
        }
        self = value
    }
}
