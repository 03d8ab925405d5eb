import CSV
import Foundation

/// CSV written through CSV.swift: a header and rows, fields quoted when they hold the delimiter, a
/// quote or a line break, records ended by CR LF (RFC 4180), UTF-8.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
        } catch {
            // A memory stream neither fails to open nor runs out of room short of the process itself.
            preconditionFailure("writing CSV to memory failed: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
