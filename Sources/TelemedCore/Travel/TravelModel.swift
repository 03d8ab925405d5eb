/// A place a unit drives from or to: a nursing home, a town, a unit's depot. The id lets a
/// precomputed matrix look the leg up; the location lets a geometric model compute it.
public struct TravelPoint: Hashable, Sendable {
    public var id: String
    public var location: GeoPoint

    public init(id: String, location: GeoPoint) {
        self.id = id
        self.location = location
    }
}

/// One drive between two points: road distance and driving time.
public struct TravelLeg: Codable, Hashable, Sendable {
    public var kilometres: Double
    public var minutes: Double

    public init(kilometres: Double, minutes: Double) {
        self.kilometres = kilometres
        self.minutes = minutes
    }

    /// Staying put.
    public static let zero = TravelLeg(kilometres: 0, minutes: 0)
}

/// How far and how long a unit drives between two points. The solver only sees this protocol, so
/// the default geometric estimate and a routing engine's matrix are interchangeable.
///
/// Conforming types return ``TravelLeg/zero`` for a leg from a point to itself (same id).
public protocol TravelModel: Sendable {
    func leg(from origin: TravelPoint, to destination: TravelPoint) throws(TravelModelError) -> TravelLeg
}
