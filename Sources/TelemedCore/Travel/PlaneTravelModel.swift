/// Straight-line travel on a plane, for imported routing benchmarks whose points are abstract
/// coordinates, not places in France (Solomon's instances): distance is Euclidean and
/// real-valued, never rounded; minutes and kilometres are that distance times a scale each.
///
/// ```swift
/// let model = PlaneTravelModel(coordinates: ["depot": (40, 50), "C-1": (45, 68)], minutesPerUnit: 0.4)
/// try model.leg(from: depot, to: customer).minutes  // 18.68… × 0.4
/// ```
public struct PlaneTravelModel: TravelModel {
    public struct Coordinates: Hashable, Sendable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// By ``TravelPoint/id``.
    public let coordinates: [String: Coordinates]
    public let minutesPerUnit: Double
    public let kilometresPerUnit: Double

    public init(coordinates: [String: Coordinates], minutesPerUnit: Double, kilometresPerUnit: Double = 1) {
        self.coordinates = coordinates
        self.minutesPerUnit = minutesPerUnit
        self.kilometresPerUnit = kilometresPerUnit
    }

    public func leg(from origin: TravelPoint, to destination: TravelPoint) throws(TravelModelError) -> TravelLeg {
        guard origin.id != destination.id else { return .zero }
        let distance = try self.distance(from: origin.id, to: destination.id)
        return TravelLeg(kilometres: distance * kilometresPerUnit, minutes: distance * minutesPerUnit)
    }

    /// The Euclidean distance in the instance's own units.
    public func distance(from origin: String, to destination: String) throws(TravelModelError) -> Double {
        guard let a = coordinates[origin] else { throw .unknownPoint(origin) }
        guard let b = coordinates[destination] else { throw .unknownPoint(destination) }
        return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
