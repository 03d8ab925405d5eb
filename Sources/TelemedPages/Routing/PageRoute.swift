import Foundation

/// One page path: the pattern the server registers (`/sites/{id}/reservations/{booking}/cancel`)
/// and the links the pages write, filled from the same pattern so the two cannot drift apart.
public struct PageRoute: Sendable, Hashable, CustomStringConvertible {
    /// The router's pattern, `{name}` for each parameter.
    public let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
    }

    /// The path with each `{…}` segment replaced, in order, by `values` percent-encoded as one path
    /// segment. A route without parameters is its pattern.
    public func path(_ values: String...) -> String {
        path(values)
    }

    /// ``path(_:)-(String...)`` with the values in an array.
    public func path(_ values: [String]) -> String {
        var remaining = values[...]
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
            precondition(!remaining.isEmpty, "\(pattern) needs a value for \(segment)")
            return Self.encoded(remaining.removeFirst())
        }
        precondition(remaining.isEmpty, "\(pattern) takes fewer values than \(values.count)")
        return segments.joined(separator: "/")
    }

    public var description: String { pattern }

    /// Ids are plain in practice; encoding keeps a path whole whatever they hold.
    static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
