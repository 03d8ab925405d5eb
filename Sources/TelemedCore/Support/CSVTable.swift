import Foundation

/// A small RFC 4180 reader for the data files telemed ships or imports: a header row, then rows
/// addressed by column name. Quoted fields may hold commas, quotes (`""`) and line breaks.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        let columns: [String: Int]
        public let fields: [String]
        public subscript(column: String) -> String? {
            columns[column].flatMap { $0 < fields.count ? fields[$0] : nil }
        }
    }

    public let header: [String]
    public let rows: [Row]

    public init(text: String) {
        var records = CSVTable.records(in: text)
        header = records.isEmpty ? [] : records.removeFirst()
        let columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rows = records.map { Row(columns: columns, fields: $0) }
    }

    /// Splits text into records of fields; blank lines are skipped.
    static func records(in text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r": if pending == "\n" { continue } else { endRecord() }
            case "\n": endRecord()
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
