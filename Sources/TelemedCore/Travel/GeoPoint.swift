import Foundation

/// A WGS 84 position in decimal degrees, as the commune file gives town halls.
///
/// ```json
/// {"latitude": 48.8566, "longitude": 2.3522}
/// ```
public struct GeoPoint: Codable, Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle distance by the haversine formula, which stays accurate for the short hops
    /// between neighbouring communes where the spherical law of cosines loses precision.
    public func greatCircleKilometres(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let deltaLatitude = (other.latitude - latitude) * radians
        let deltaLongitude = (other.longitude - longitude) * radians
        let a =
            pow(sin(deltaLatitude / 2), 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * pow(sin(deltaLongitude / 2), 2)
        return 2 * Self.earthRadiusKilometres * asin(min(1, sqrt(a)))
    }
}
