/// Why a travel model could not be built or could not answer, worded for the planner who has to
/// fix the matrix file or the scenario setting.
public enum TravelModelError: Error, Equatable, Sendable {
    /// The matrix has no row for this ordered pair.
    case missingLeg(from: String, to: String)
    /// The first non-blank line is not `from,to,minutes,kilometres`.
    case invalidHeader(line: Int, found: String)
    case wrongColumnCount(line: Int, found: Int)
    case emptyIdentifier(line: Int, column: String)
    case invalidNumber(line: Int, column: String, value: String)
    case negativeValue(line: Int, column: String, value: String)
    case duplicatePair(line: Int, from: String, to: String, firstLine: Int)
    case unreadableFile(path: String, reason: String)
    /// Text the CSV reader could not read at all.
    case unreadableCSV(String)
    /// A great-circle setting that cannot give sensible times (non-positive factor or speed, …).
    case invalidSetting(String)
    /// A point a coordinate model has no coordinates for.
    case unknownPoint(String)

    public var message: String {
        switch self {
        case .missingLeg(let from, let to):
            "the travel matrix has no leg from \"\(from)\" to \"\(to)\": add a row \(from),\(to),minutes,kilometres"
                + " (or load it with symmetric: true if the reverse row exists)"
        case .invalidHeader(let line, let found):
            "line \(line): expected the header from,to,minutes,kilometres, found \"\(found)\""
        case .wrongColumnCount(let line, let found):
            "line \(line): expected 4 columns (from,to,minutes,kilometres), found \(found)"
        case .emptyIdentifier(let line, let column):
            "line \(line): the \(column) column is empty"
        case .invalidNumber(let line, let column, let value):
            "line \(line): \(column) \"\(value)\" is not a number"
        case .negativeValue(let line, let column, let value):
            "line \(line): \(column) \(value) is negative"
        case .duplicatePair(let line, let from, let to, let firstLine):
            "line \(line): the leg from \"\(from)\" to \"\(to)\" is already given on line \(firstLine)"
        case .unreadableFile(let path, let reason):
            "cannot read the travel matrix \(path): \(reason)"
        case .unreadableCSV(let reason):
            "cannot read the travel matrix: \(reason)"
        case .invalidSetting(let problem):
            "invalid travel setting: \(problem)"
        case .unknownPoint(let id):
            "the travel model has no coordinates for \"\(id)\""
        }
    }
}
