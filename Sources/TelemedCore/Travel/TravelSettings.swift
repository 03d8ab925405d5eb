import Foundation

/// The scenario's choice of travel model, as written in the scenario JSON.
///
/// ```json
/// {"model": "greatCircle", "roadFactor": 1.3}
/// {"model": "matrix", "matrixFile": "travel.csv", "symmetric": true}
/// ```
///
/// For `greatCircle`, `roadFactor` and `speedBands` default to ``GreatCircleTravelModel``'s
/// defaults; for `matrix`, `symmetric` defaults to false. Encoding always writes every field, so a
/// saved scenario does not change meaning if the defaults do.
public enum TravelSettings: Codable, Hashable, Sendable {
    case greatCircle(roadFactor: Double, speedBands: [GreatCircleTravelModel.SpeedBand])
    /// `matrixFile` is relative to the scenario's folder unless absolute.
    case matrix(matrixFile: String, symmetric: Bool)

    /// Great circle × 1.3 with the default speed bands.
    public static let `default` = TravelSettings.greatCircle(
        roadFactor: GreatCircleTravelModel.defaultRoadFactor,
        speedBands: GreatCircleTravelModel.defaultSpeedBands)

    private enum CodingKeys: String, CodingKey {
        case model, roadFactor, speedBands, matrixFile, symmetric
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let model = try container.decode(String.self, forKey: .model)
        switch model {
        case "greatCircle":
            self = .greatCircle(
                roadFactor: try container.decodeIfPresent(Double.self, forKey: .roadFactor)
                    ?? GreatCircleTravelModel.defaultRoadFactor,
                speedBands: try container.decodeIfPresent([GreatCircleTravelModel.SpeedBand].self, forKey: .speedBands)
                    ?? GreatCircleTravelModel.defaultSpeedBands)
        case "matrix":
            self = .matrix(
                matrixFile: try container.decode(String.self, forKey: .matrixFile),
                symmetric: try container.decodeIfPresent(Bool.self, forKey: .symmetric) ?? false)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .model, in: container,
                debugDescription: "unknown travel model \"\(model)\": expected \"greatCircle\" or \"matrix\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .greatCircle(let roadFactor, let speedBands):
            try container.encode("greatCircle", forKey: .model)
            try container.encode(roadFactor, forKey: .roadFactor)
            try container.encode(speedBands, forKey: .speedBands)
        case .matrix(let matrixFile, let symmetric):
            try container.encode("matrix", forKey: .model)
            try container.encode(matrixFile, forKey: .matrixFile)
            try container.encode(symmetric, forKey: .symmetric)
        }
    }

    /// Builds the model; a relative `matrixFile` is resolved against `directory` (the scenario's
    /// folder), or the current directory when nil. Invalid bands or an unreadable or malformed
    /// matrix throw here, at load time, rather than in the middle of a solve.
    public func makeModel(relativeTo directory: URL?) throws(TravelModelError) -> any TravelModel {
        switch self {
        case .greatCircle(let roadFactor, let speedBands):
            return try GreatCircleTravelModel(roadFactor: roadFactor, speedBands: speedBands)
        case .matrix(let matrixFile, let symmetric):
            let url: URL
            if matrixFile.hasPrefix("/") {
                url = URL(fileURLWithPath: matrixFile)
            } else if let directory {
                url = directory.appendingPathComponent(matrixFile)
            } else {
                url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent(matrixFile)
            }
            return try MatrixTravelModel(contentsOf: url, symmetric: symmetric)
        }
    }
}
