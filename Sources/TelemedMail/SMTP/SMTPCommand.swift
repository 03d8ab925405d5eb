/// What the client writes; each one is answered by exactly one reply (this client never pipelines).
struct SMTPCommand: Sendable {
    let bytes: [UInt8]

    /// A command line; CRLF is added. The text is built from validated values only, so a line
    /// break in it is a bug, not an input.
    static func line(_ text: String) -> SMTPCommand {
        precondition(!text.contains("\r") && !text.contains("\n"), "an SMTP command must be one line")
        return SMTPCommand(bytes: Array((text + "\r\n").utf8))
    }

    /// The message after DATA's 354: dot-stuffed (RFC 5321 §4.5.2) and ended by `CRLF.CRLF`.
    static func content(_ message: String) -> SMTPCommand {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { bytes.append(UInt8(ascii: ".")) }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !bytes.isEmpty, !atLineStart { bytes += Array("\r\n".utf8) }
        return SMTPCommand(bytes: bytes + Array(".\r\n".utf8))
    }
}
