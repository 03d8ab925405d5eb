/// The Message-ID a caller gives, `<id@domain>`: a stable event id keeps the same id across retries,
/// so receivers and the relay can recognise a message sent twice.
///
/// ```swift
/// let id = try MailMessageID(id: "booking-confirmed-1842", domain: "telemed.example.fr")
/// ```
public struct MailMessageID: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let domain: String

    public init(id: String, domain: String) throws(MailMessageError) {
        guard id.utf8.count <= 200, MailSyntax.isDotAtom(Substring(id)), MailSyntax.isHostname(Substring(domain))
        else { throw .invalidMessageID("\(id)@\(domain)") }
        self.id = id
        self.domain = domain
    }

    /// The header's value, `<id@domain>`.
    public var description: String { "<\(id)@\(domain)>" }
}
