/// Why a demo region could not be generated.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(String, shipped: [String])
    case unreadableFile(String)
    case badDataRow(file: String, line: Int)
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .unknownRegion(let region, let shipped):
            "no commune data ships for region \(region); available: \(shipped.joined(separator: ", "))"
        case .unreadableFile(let reason): reason
        case .badDataRow(let file, let line):
            "\(file) line \(line): expected code, name, department, population, latitude, longitude"
        case .invalidParameter(let message): message
        }
    }
}
