/// One problem in a scenario, where it is and what to do about it.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(_ path: JSONPath, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `requests[12].siteId: unknown site "E-58-0042"`.
    public var description: String { "\(path): \(message)" }
}
