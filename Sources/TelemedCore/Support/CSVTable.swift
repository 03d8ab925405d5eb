import CSV
import Foundation

/// A CSV file read through CSV.swift (RFC 4180: quoted fields may hold commas, quotes as `""` and
/// line breaks): a header row, then rows addressed by column name, each with the line it starts
/// on so that errors can point at it. A UTF-8 byte-order mark is dropped; blank lines are skipped.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        let columns: [String: Int]
        public let fields: [String]
        /// The 1-based line of the file where the row starts.
        public let line: Int

        public subscript(column: String) -> String? {
            columns[column].flatMap { $0 < fields.count ? fields[$0] : nil }
        }
    }

    public let header: [String]
    /// The line of the header row (after any blank lines before it); 1 for an empty file.
    public let headerLine: Int
    public let rows: [Row]

    /// Reads `text`; with `trimmingFields`, spaces around unquoted fields are dropped. `delimiter`:
    /// `,` unless the file says otherwise (French spreadsheets write `;`).
    public init(text: String, trimmingFields: Bool = false, delimiter: UnicodeScalar = ",") throws(CSVReadError) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // CSV.swift reads an unclosed quote to the end of the file as one field; refuse it instead.
        if let line = Self.unclosedQuoteLine(in: body) { throw .unclosedQuote(line: line) }
        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: body, hasHeaderRow: false, trimFields: trimmingFields, delimiter: delimiter)
        } catch {
            throw .unreadable(String(describing: error))
        }
        var records: [(line: Int, fields: [String])] = []
        var line = 1
        while let fields = reader.next() {
            if fields != [""] { records.append((line, fields)) }
            line += 1 + fields.reduce(0) { $0 + Self.lineBreaks(in: $1) }
        }
        if let error = reader.error { throw .unreadable(String(describing: error)) }
        let first = records.first
        header = first?.fields ?? []
        headerLine = first?.line ?? 1
        let columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rows = records.dropFirst().map { Row(columns: columns, fields: $0.fields, line: $0.line) }
    }

    /// Reads a UTF-8 file; see ``init(text:trimmingFields:)``.
    public init(contentsOf url: URL, trimmingFields: Bool = false) throws(CSVReadError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        try self.init(text: text, trimmingFields: trimmingFields)
    }

    /// The line of a quote opened and never closed (quotes pair up in RFC 4180: `""` inside a
    /// quoted field is two), or nil.
    static func unclosedQuoteLine(in text: String) -> Int? {
        var line = 1
        var opened: Int?
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && !afterCR) { line += 1 }
            afterCR = scalar == "\r"
            if scalar == "\"" { opened = opened == nil ? line : nil }
        }
        return opened
    }

    /// Line breaks inside a quoted field: CR LF, LF and a lone CR each end one line.
    private static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && !afterCR) { count += 1 }
            afterCR = scalar == "\r"
        }
        return count
    }
}

/// Why a CSV file could not be read at all (a row that breaks a file's own rules is reported by the
/// reader of that file, with its line).
public enum CSVReadError: Error, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case unreadable(String)
    case unclosedQuote(line: Int)

    public var description: String {
        switch self {
        case .unclosedQuote(let line):
            "line \(line): a quote opens a field that never closes (write a quote inside a field as \"\")"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .unreadable(let reason): "not a CSV file: \(reason)"
        }
    }
}
