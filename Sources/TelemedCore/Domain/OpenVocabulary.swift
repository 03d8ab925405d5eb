/// A named kind that a scenario may extend beyond the built-in list (equipment, specialties).
/// Encodes as its raw JSON string; unknown names decode fine and validation decides whether
/// they make sense.
public protocol OpenVocabulary: RawRepresentable, Codable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenVocabulary {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
