import Foundation

/// Zones from the CSV file an agency publishes: a header `insee_code,zone,kind` (`;` also
/// separates, as French spreadsheets write; a UTF-8 byte-order mark is dropped), then one row per
/// commune of a zone. A zone's rows need not be together; the zones come out in the order of their
/// first row, their communes in file order.
///
/// Every problem is collected with its line, and none is imported unless the whole file is right:
/// an unknown commune, a malformed code, a zone given two kinds, a commune listed twice in a zone.
///
/// ```swift
/// let zones = try ZoneCSV.read(text) { catalog.commune($0) != nil }
/// ```
public enum ZoneCSV {
    public static let header = ["insee_code", "zone", "kind"]

    public static func read(_ text: String, isKnownCommune: (String) -> Bool) throws(ZoneImportError) -> [Zone] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let table: CSVTable
        do {
            table = try CSVTable(text: body, trimmingFields: true, delimiter: delimiter(of: body))
        } catch {
            throw ZoneImportError(problems: [error.description])
        }
        let columns = table.header.map { $0.lowercased() }
        guard Self.header.allSatisfy(columns.contains) else {
            throw ZoneImportError(problems: [
                "line \(table.headerLine): the header must name the columns insee_code, zone and kind (found "
                    + "\(table.header.joined(separator: ", ")))"
            ])
        }
        guard !table.rows.isEmpty else { throw ZoneImportError(problems: ["the file has a header but no rows"]) }
        var problems: [String] = []
        var zones: [Zone] = []
        var positions: [String: Int] = [:]
        var firstLines: [String: Int] = [:]
        for row in table.rows {
            let code = field(row, "insee_code", columns)
            let name = field(row, "zone", columns)
            let kind = ZoneKind(rawValue: field(row, "kind", columns))
            let line = row.line
            if name.isEmpty || name.count > 200 || name.unicodeScalars.contains(where: \.isControl) {
                problems.append("line \(line): the zone needs a name of 1 to 200 characters, without line breaks")
                continue
            }
            guard kind.isWellFormed else {
                problems.append(
                    "line \(line): \"\(kind.rawValue.prefix(40))\" is not a zone kind (ZIP, ZAC, QPV, custom, or "
                        + "letters, digits, - and _, at most 16)")
                continue
            }
            guard FrenchCodes.isCommuneCode(code) else {
                problems.append(
                    "line \(line): \"\(code.prefix(40))\" is not an INSEE commune code (5 characters, e.g. 58194 or 2A004)"
                )
                continue
            }
            guard isKnownCommune(code) else {
                problems.append("line \(line): there is no commune \(code) in the shipped communes")
                continue
            }
            if let position = positions[name] {
                if zones[position].kind != kind {
                    problems.append(
                        "line \(line): zone \"\(name)\" is \(kind.rawValue) here but \(zones[position].kind.rawValue) "
                            + "on line \(firstLines[name] ?? 0)")
                } else if zones[position].communes.contains(code) {
                    problems.append("line \(line): commune \(code) is listed twice in zone \"\(name)\"")
                } else {
                    zones[position].communes.append(code)
                }
            } else {
                positions[name] = zones.count
                firstLines[name] = line
                zones.append(Zone(name: name, kind: kind, communes: [code]))
            }
        }
        guard problems.isEmpty else { throw ZoneImportError(problems: problems) }
        return zones
    }

    /// `;` when the header line holds one and no comma, else `,`.
    static func delimiter(of text: String) -> UnicodeScalar {
        let headerLine = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
    }

    private static func field(_ row: CSVTable.Row, _ column: String, _ columns: [String]) -> String {
        guard let index = columns.firstIndex(of: column), index < row.fields.count else { return "" }
        return row.fields[index]
    }
}

/// Why a zones file was refused: every problem found, each with its line. Nothing was imported.
public struct ZoneImportError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(20).joined(separator: "\n")
        let more = problems.count > 20 ? "\n… and \(problems.count - 20) more" : ""
        return "The zones file was refused, nothing was imported:\n\(shown)\(more)"
    }
}

extension Unicode.Scalar {
    fileprivate var isControl: Bool { properties.generalCategory == .control }
}
