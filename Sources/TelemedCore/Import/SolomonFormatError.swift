/// Why a Solomon VRPTW instance file or a best-known-solutions table could not be read, worded for
/// whoever has to fix the file. Lines are numbered from 1 as an editor shows them (CRLF counts as one
/// line break); rows of a CSV table are numbered from 1 after the header.
public enum SolomonFormatError: Error, Equatable, Sendable {
    /// The text holds no instance name (its first non-empty line).
    case missingName
    /// A line that is not what the classic layout has at that point.
    case unexpectedLine(line: Int, expected: String, found: String)
    /// The text ends at `line` (its last line) where `expected` should still follow.
    case unexpectedEnd(line: Int, expected: String)
    /// A customer line without exactly seven fields.
    case wrongFieldCount(line: Int, found: Int)
    /// A field that is not a number of the expected kind (`expected`: "an integer", "a finite number").
    case invalidNumber(line: Int, field: String, value: String, expected: String)
    /// A number that parses but cannot be right (a negative demand, a due date before the ready time…).
    case invalidValue(line: Int, field: String, value: String, expected: String)
    case duplicateCustomer(line: Int, id: Int, firstLine: Int)
    /// Customer ids must run from 0 (the depot) to n without gaps; `lines` is the customer table.
    case missingCustomer(id: Int, lines: ClosedRange<Int>)
    case unreadableFile(path: String, reason: String)
    /// A best-known-solutions table without one of its columns.
    case missingColumn(String)
    case unreadableBestKnown(String)
    case invalidBestKnown(line: Int, column: String, value: String, expected: String)
    case duplicateBestKnown(line: Int, instance: String, firstLine: Int)
    /// A valid instance the scenario import cannot express (a time that is not whole minutes…).
    case notImportable(String)

    public var message: String {
        switch self {
        case .missingName:
            "the text is empty: expected the instance name on the first non-empty line, then VEHICLE"
        case .unexpectedLine(let line, let expected, let found):
            "line \(line): expected \(expected), found \"\(found)\""
        case .unexpectedEnd(let line, let expected):
            "the text ends at line \(line): expected \(expected)"
        case .wrongFieldCount(let line, let found):
            "line \(line): expected 7 fields (customer number, x, y, demand, ready time, due date, service time),"
                + " found \(found)"
        case .invalidNumber(let line, let field, let value, let expected):
            "line \(line): \(field) \"\(value)\" is not \(expected)"
        case .invalidValue(let line, let field, let value, let expected):
            "line \(line): \(field) \(value) is invalid: expected \(expected)"
        case .duplicateCustomer(let line, let id, let firstLine):
            "line \(line): customer \(id) is already given on line \(firstLine)"
        case .missingCustomer(let id, let lines):
            "lines \(lines.lowerBound)–\(lines.upperBound): no line for customer \(id);"
                + " customer numbers must run from 0 (the depot) to the last one without gaps"
        case .unreadableFile(let path, let reason):
            "cannot read the Solomon instance \(path): \(reason)"
        case .notImportable(let reason):
            "cannot import the instance as a scenario: \(reason)"
        case .missingColumn(let column):
            "the best-known-solutions table has no \(column) column: expected instance,vehicles,distance[,source]"
        case .unreadableBestKnown(let reason): "the best-known-solutions table: \(reason)"
        case .invalidBestKnown(let line, let column, let value, let expected):
            "best-known solutions, line \(line): \(column) \"\(value)\" is invalid: expected \(expected)"
        case .duplicateBestKnown(let line, let instance, let firstLine):
            "best-known solutions, line \(line): instance \(instance) is already given on line \(firstLine)"
        }
    }
}
