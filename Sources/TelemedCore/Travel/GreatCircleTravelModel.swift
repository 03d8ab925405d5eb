/// The default travel estimate when no routing engine is available: great-circle distance times a
/// road factor, driven at a speed that rises with distance (village lanes first, then main roads).
///
/// Time comes from cumulative speed bands, like a taxi meter: the first 5 km at 30 km/h, the next
/// 15 at 50, and so on. A longer trip therefore never takes less time than a shorter one, which a
/// single speed chosen by total distance would not guarantee at band edges.
///
/// ```json
/// {"roadFactor": 1.3, "speedBands": [{"upToKilometres": 5, "kilometresPerHour": 30},
///                                    {"kilometresPerHour": 85}]}
/// ```
public struct GreatCircleTravelModel: TravelModel, Codable, Hashable {
    /// Speed up to a cumulative road distance; `upToKilometres` nil for the last, open-ended band.
    public struct SpeedBand: Codable, Hashable, Sendable {
        public var upToKilometres: Double?
        public var kilometresPerHour: Double

        public init(upToKilometres: Double?, kilometresPerHour: Double) {
            self.upToKilometres = upToKilometres
            self.kilometresPerHour = kilometresPerHour
        }
    }

    public static let defaultRoadFactor = 1.3
    public static let defaultSpeedBands = [
        SpeedBand(upToKilometres: 5, kilometresPerHour: 30),
        SpeedBand(upToKilometres: 20, kilometresPerHour: 50),
        SpeedBand(upToKilometres: 60, kilometresPerHour: 70),
        SpeedBand(upToKilometres: nil, kilometresPerHour: 85),
    ]

    /// Road distance over great-circle distance (1.3 is typical for rural France).
    public let roadFactor: Double
    public let speedBands: [SpeedBand]

    /// The default model: factor 1.3, bands 30/50/70/85 km/h.
    public init() {
        self.roadFactor = Self.defaultRoadFactor
        self.speedBands = Self.defaultSpeedBands
    }

    /// Throws ``TravelModelError/invalidSetting(_:)`` unless the factor is at least 1, every speed
    /// is positive, band limits strictly increase and only the last band is open-ended.
    public init(roadFactor: Double, speedBands: [SpeedBand]) throws(TravelModelError) {
        guard roadFactor.isFinite, roadFactor >= 1 else {
            throw .invalidSetting(
                "roadFactor \(roadFactor) must be at least 1 (road is never shorter than the crow flies)")
        }
        guard !speedBands.isEmpty else { throw .invalidSetting("speedBands must not be empty") }
        var previous = 0.0
        for (index, band) in speedBands.enumerated() {
            let number = index + 1
            guard band.kilometresPerHour.isFinite, band.kilometresPerHour > 0 else {
                throw .invalidSetting("speed band \(number): kilometresPerHour must be positive")
            }
            let isLast = index == speedBands.count - 1
            switch (band.upToKilometres, isLast) {
            case (nil, true): break
            case (nil, false):
                throw .invalidSetting("speed band \(number): only the last band may omit upToKilometres")
            case (.some, true):
                throw .invalidSetting("speed band \(number): the last band must omit upToKilometres (open-ended)")
            case (.some(let limit), false):
                guard limit.isFinite, limit > previous else {
                    throw .invalidSetting("speed band \(number): upToKilometres \(limit) must exceed \(previous)")
                }
                previous = limit
            }
        }
        self.roadFactor = roadFactor
        self.speedBands = speedBands
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let factor = try container.decodeIfPresent(Double.self, forKey: .roadFactor) ?? Self.defaultRoadFactor
        let bands = try container.decodeIfPresent([SpeedBand].self, forKey: .speedBands) ?? Self.defaultSpeedBands
        do {
            try self.init(roadFactor: factor, speedBands: bands)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .speedBands, in: container, debugDescription: error.message)
        }
    }

    public func leg(from origin: TravelPoint, to destination: TravelPoint) throws(TravelModelError) -> TravelLeg {
        guard origin != destination else { return .zero }
        let kilometres = origin.location.greatCircleKilometres(to: destination.location) * roadFactor
        return TravelLeg(kilometres: kilometres, minutes: minutes(forRoadKilometres: kilometres))
    }

    /// Driving minutes for a road distance, summing the time spent in each band.
    public func minutes(forRoadKilometres kilometres: Double) -> Double {
        var hours = 0.0
        var covered = 0.0
        for band in speedBands where covered < kilometres {
            let bandEnd = min(kilometres, band.upToKilometres ?? .infinity)
            hours += (bandEnd - covered) / band.kilometresPerHour
            covered = bandEnd
        }
        return hours * 60
    }
}
