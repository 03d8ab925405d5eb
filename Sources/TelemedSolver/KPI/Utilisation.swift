/// Busy minutes against available minutes, overall and per resource (specialist or unit).
public struct Utilisation: Codable, Hashable, Sendable {
    public var busyMinutes: Int
    public var availableMinutes: Int
    /// `busyMinutes / availableMinutes` (0…1 in a valid plan); nil when nothing is available.
    public var ratio: Double?
    /// Per resource, by id.
    public var byResource: [ResourceUtilisation]

    public init(byResource: [ResourceUtilisation]) {
        self.byResource = byResource.sorted { $0.id < $1.id }
        busyMinutes = byResource.reduce(0) { $0 + $1.busyMinutes }
        availableMinutes = byResource.reduce(0) { $0 + $1.availableMinutes }
        ratio = availableMinutes == 0 ? nil : Double(busyMinutes) / Double(availableMinutes)
    }
}

/// One specialist's or unit's busy and available minutes.
public struct ResourceUtilisation: Codable, Hashable, Sendable {
    public var id: String
    public var busyMinutes: Int
    public var availableMinutes: Int
    public var ratio: Double?

    public init(id: String, busyMinutes: Int, availableMinutes: Int) {
        self.id = id
        self.busyMinutes = busyMinutes
        self.availableMinutes = availableMinutes
        self.ratio = availableMinutes == 0 ? nil : Double(busyMinutes) / Double(availableMinutes)
    }
}
