import Foundation

/// Travel legs precomputed by a routing engine (OSRM, Valhalla, GraphHopper…) and shipped as CSV,
/// for when road times matter more than the great-circle estimate.
///
/// ```csv
/// from,to,minutes,kilometres
/// ehpad-21001,ehpad-21054,23.5,18.2
/// ```
///
/// Ids are matched as written (after trimming spaces); fields may be quoted (RFC 4180). Blank
/// lines are ignored. With `symmetric`, a missing `b→a` row takes the `a→b` values, since engines
/// often export only one direction.
public struct MatrixTravelModel: TravelModel {
    private let legs: [String: [String: TravelLeg]]

    public static let header = ["from", "to", "minutes", "kilometres"]

    /// Parses the CSV; every error names its 1-based line.
    public init(csv: String, symmetric: Bool = false) throws(TravelModelError) {
        let table: CSVTable
        do {
            table = try CSVTable(text: csv, trimmingFields: true)
        } catch {
            throw .unreadableCSV(error.description)
        }
        try self.init(table: table, symmetric: symmetric)
    }

    /// Reads a UTF-8 CSV file; see ``init(csv:symmetric:)``.
    public init(contentsOf url: URL, symmetric: Bool = false) throws(TravelModelError) {
        let table: CSVTable
        do {
            table = try CSVTable(contentsOf: url, trimmingFields: true)
        } catch .unreadableFile(let path, let reason) {
            throw .unreadableFile(path: path, reason: reason)
        } catch {
            throw .unreadableCSV(error.description)
        }
        try self.init(table: table, symmetric: symmetric)
    }

    private init(table: CSVTable, symmetric: Bool) throws(TravelModelError) {
        guard table.header == Self.header else {
            throw .invalidHeader(line: table.headerLine, found: table.header.joined(separator: ","))
        }
        var legs: [String: [String: TravelLeg]] = [:]
        var lineOf: [String: [String: Int]] = [:]
        for row in table.rows {
            let (fields, line) = (row.fields, row.line)
            guard fields.count == 4 else { throw .wrongColumnCount(line: line, found: fields.count) }
            let (from, to) = (fields[0], fields[1])
            if from.isEmpty { throw .emptyIdentifier(line: line, column: "from") }
            if to.isEmpty { throw .emptyIdentifier(line: line, column: "to") }
            let minutes = try Self.number(fields[2], column: "minutes", line: line)
            let kilometres = try Self.number(fields[3], column: "kilometres", line: line)
            if let first = lineOf[from]?[to] {
                throw .duplicatePair(line: line, from: from, to: to, firstLine: first)
            }
            lineOf[from, default: [:]][to] = line
            legs[from, default: [:]][to] = TravelLeg(kilometres: kilometres, minutes: minutes)
        }
        if symmetric {
            for (from, row) in legs {
                for (to, leg) in row where legs[to]?[from] == nil {
                    legs[to, default: [:]][from] = leg
                }
            }
        }
        self.legs = legs
    }

    /// Number of ordered pairs known, reverse legs filled by `symmetric` included.
    public var legCount: Int { legs.values.reduce(0) { $0 + $1.count } }

    public func leg(from origin: TravelPoint, to destination: TravelPoint) throws(TravelModelError) -> TravelLeg {
        if origin.id == destination.id { return .zero }
        guard let leg = legs[origin.id]?[destination.id] else {
            throw .missingLeg(from: origin.id, to: destination.id)
        }
        return leg
    }

    private static func number(_ text: String, column: String, line: Int) throws(TravelModelError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw .invalidNumber(line: line, column: column, value: text)
        }
        guard value >= 0 else { throw .negativeValue(line: line, column: column, value: text) }
        return value
    }
}
