/// An extra header the caller adds (`Auto-Submitted`, `X-Telemed-Event`…). Its name is checked
/// when made; its value when the message is rendered, with the subject, so both refuse the same
/// characters.
///
/// ```swift
/// let header = try MailHeader("Auto-Submitted", "auto-generated")
/// ```
public struct MailHeader: Hashable, Sendable {
    public let name: String
    public let value: String

    /// The headers the renderer writes from the message's fields, or that name addresses (whose
    /// values need the address syntax, not free text).
    static let reserved: Set<String> = [
        "date", "from", "to", "cc", "bcc", "reply-to", "sender", "return-path", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding",
    ]

    public init(_ name: String, _ value: String) throws(MailMessageError) {
        guard MailSyntax.isFieldName(name) else { throw .invalidHeaderName(name) }
        guard !Self.reserved.contains(name.lowercased()) else { throw .reservedHeader(name) }
        guard !MailSyntax.hasControlCharacter(value) else { throw .controlCharacterInHeader(name) }
        self.name = name
        self.value = value
    }
}
