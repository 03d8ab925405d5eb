/// A string identifier typed by the entity it names, so a `Site.ID` cannot be passed where a
/// `Specialist.ID` is expected. Encodes as a plain JSON string.
///
/// ```swift
/// let site: Site.ID = "E-58-0042"
/// ```
public struct Identifier<Entity>: RawRepresentable, Codable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
