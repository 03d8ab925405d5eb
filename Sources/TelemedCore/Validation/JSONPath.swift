/// A location in a JSON document written the way planners read it: `requests[12].siteId`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public init(stringLiteral value: String) { self.components = [.key(value)] }

    /// A path of one top-level key.
    public init(_ key: String) { self.components = [.key(key)] }

    init(_ codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    public func key(_ name: String) -> JSONPath { JSONPath(components + [.key(name)]) }
    public func index(_ position: Int) -> JSONPath { JSONPath(components + [.index(position)]) }
    public subscript(position: Int) -> JSONPath { index(position) }
    public func callAsFunction(_ name: String) -> JSONPath { key(name) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text
    }

    static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
