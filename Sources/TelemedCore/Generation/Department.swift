/// A French department and the region it belongs to, from the shipped data.
public struct Department: Hashable, Sendable {
    public var code: String
    public var name: String
    public var regionCode: String
    public var regionName: String
}
