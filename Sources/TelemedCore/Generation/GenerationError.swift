/// Why a demo region could not be generated, or a scenario's communes could not be found.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A code that names no French region; `metropolitan` lists the valid ones ("11 Île-de-France").
    case unknownRegion(String, metropolitan: [String])
    /// An overseas region: its clocks are not Europe/Paris, in which telemed plans.
    case overseasRegion(FrenchRegion, metropolitan: [String])
    /// A site whose INSEE code starts with no French department's code.
    case unknownDepartment(String, site: String)
    case unreadableFile(String)
    case badDataRow(file: String, line: Int, expected: String)
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .unknownRegion(let region, let metropolitan):
            "unknown region \"\(region)\": telemed plans the metropolitan regions, by INSEE region code: "
                + metropolitan.joined(separator: ", ")
        case .overseasRegion(let region, let metropolitan):
            "region \(region.code) (\(region.name)) is overseas: its clocks follow \(region.timeZone), and telemed "
                + "plans every opening hour, shift and availability in \(FrenchRegion.plannedTimeZone). Choose a "
                + "metropolitan region: " + metropolitan.joined(separator: ", ")
        case .unknownDepartment(let department, let site):
            "site \(site): no French department has the code \(department) its INSEE commune code starts with"
        case .unreadableFile(let reason): reason
        case .badDataRow(let file, let line, let expected): "\(file) line \(line): expected \(expected)"
        case .invalidParameter(let message): message
        }
    }
}
