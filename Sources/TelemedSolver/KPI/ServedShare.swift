/// Requests and served requests of one group (a mode, a department).
public struct ServedShare: Codable, Hashable, Sendable {
    /// The group: `live`, `async`, a department code such as `58`.
    public var key: String
    public var requests: Int
    public var served: Int
    /// `100 × served / requests`; nil when the group has no request.
    public var servedPercent: Double?

    public init(key: String, requests: Int, served: Int) {
        self.key = key
        self.requests = requests
        self.served = served
        self.servedPercent = requests == 0 ? nil : 100 * Double(served) / Double(requests)
    }
}
