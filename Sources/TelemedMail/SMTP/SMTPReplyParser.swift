/// Turns the bytes a server sends into replies (RFC 5321 §4.2): lines end with CRLF (a bare LF is
/// tolerated), `NNN-text` continues a reply, `NNN text` or `NNN` ends it.
struct SMTPReplyParser {
    /// RFC 5321 allows 512 octets per reply line; more than this is a broken or hostile server.
    static let maximumLineLength = 4096
    static let maximumLines = 200

    private var buffer: [UInt8] = []
    private var pending: (code: Int, lines: [String])?

    /// True when bytes were received that do not yet make a whole reply.
    var hasBufferedBytes: Bool { !buffer.isEmpty || pending != nil }

    mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or nil until more bytes arrive.
    mutating func nextReply() throws(SMTPProtocolViolation) -> SMTPReply? {
        while let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[..<end]
            buffer.removeSubrange(...end)
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if let reply = try take(Array(line)) { return reply }
        }
        guard buffer.count <= Self.maximumLineLength else {
            throw SMTPProtocolViolation("a reply line longer than \(Self.maximumLineLength) bytes")
        }
        return nil
    }

    private mutating func take(_ line: [UInt8]) throws(SMTPProtocolViolation) -> SMTPReply? {
        guard line.count >= 3, line.count <= Self.maximumLineLength,
            line[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-")
        else {
            throw SMTPProtocolViolation("a reply line that does not start with a three-digit code")
        }
        let code = line[0...2].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let text = line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : ""
        var reply = pending ?? (code, [])
        guard reply.code == code else {
            throw SMTPProtocolViolation("a multi-line reply whose lines have different codes (\(reply.code), \(code))")
        }
        reply.lines.append(text)
        guard reply.lines.count <= Self.maximumLines else {
            throw SMTPProtocolViolation("a reply of more than \(Self.maximumLines) lines")
        }
        if line.count > 3, line[3] == UInt8(ascii: "-") {
            pending = reply
            return nil
        }
        pending = nil
        return SMTPReply(code: reply.code, lines: reply.lines)
    }
}

/// The server broke the protocol: a malformed reply, or a reply it was not asked for.
struct SMTPProtocolViolation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
