import TelemedCore

/// Driving time from each commune to the nearest consultation point used in a plan, the measure
/// behind "population within 30 and 45 minutes".
///
/// Communes are not in a routing engine's matrix, so the drive is always estimated the great-circle
/// way: with the scenario's own road factor and speed bands when it uses that model, with the
/// defaults when it uses a matrix. A commune counts by its town hall's position.
///
/// Points are sorted by latitude once; each commune then looks only at the band of points close
/// enough in latitude to be reached within ``horizonMinutes``, which keeps a region of 5,000
/// communes and a thousand points well under a second.
public struct Catchment: Sendable {
    /// Beyond this, a commune's time is not needed (the widest band the indicators use).
    public static let horizonMinutes = 45.0

    private let model: GreatCircleTravelModel
    private let points: [GeoPoint]
    /// Half-height of the latitude band searched, in degrees.
    private let bandDegrees: Double

    public init(points: [GeoPoint], travel: TravelSettings) {
        switch travel {
        case .greatCircle(let roadFactor, let speedBands):
            model = (try? GreatCircleTravelModel(roadFactor: roadFactor, speedBands: speedBands)) ?? .init()
        case .matrix:
            model = GreatCircleTravelModel()
        }
        self.points = points.sorted { $0.latitude < $1.latitude }
        // Road kilometres reachable within the horizon, found by bisection since time only grows
        // with distance; a crow-flies degree of latitude is never shorter than 111 km.
        var (low, high) = (0.0, 2_000.0)
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if model.minutes(forRoadKilometres: middle) < Self.horizonMinutes { low = middle } else { high = middle }
        }
        bandDegrees = high / model.roadFactor / 111.0 + 0.01
    }

    /// Minutes from `location` to the nearest point; nil when none lies within ``horizonMinutes``.
    public func minutes(from location: GeoPoint) -> Double? {
        var index = firstPoint(atLeast: location.latitude - bandDegrees)
        var nearest = Double.infinity
        while index < points.count, points[index].latitude <= location.latitude + bandDegrees {
            nearest = min(nearest, location.greatCircleKilometres(to: points[index]))
            index += 1
        }
        guard nearest.isFinite else { return nil }
        let minutes = model.minutes(forRoadKilometres: nearest * model.roadFactor)
        return minutes <= Self.horizonMinutes ? minutes : nil
    }

    private func firstPoint(atLeast latitude: Double) -> Int {
        var (low, high) = (0, points.count)
        while low < high {
            let middle = (low + high) / 2
            if points[middle].latitude < latitude { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
