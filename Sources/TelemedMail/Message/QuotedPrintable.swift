/// Quoted-printable (RFC 2045 §6.7) of UTF-8 text, lines at most 76 characters, CRLF between them.
/// Any line break of the input (LF, CRLF, CR) becomes CRLF. A line starting with `.` is left as
/// it is: dot-stuffing is the SMTP layer's job, not the encoding's.
enum QuotedPrintable {
    static let maximumLineLength = 76

    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    static func lines(of text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// One input line, with soft line breaks (`=` at the end) where it passes 76 characters; an
    /// escape is never split.
    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (33...126).contains(byte) && byte != UInt8(ascii: "=")
            // Space and tab only at the end of a line: mail transports may strip trailing white space.
            let blank = (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast
            let unit = literal || blank ? String(UnicodeScalar(byte)) : "=" + MailSyntax.hex(byte)
            let room = isLast ? maximumLineLength : maximumLineLength - 1
            if current.count + unit.count > room {
                output.append(current + "=")
                current = ""
            }
            current += unit
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }
}
