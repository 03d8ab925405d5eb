/// One mailbox: an addr-spec (`nom@exemple.fr`) and an optional display name. Validated when made,
/// so a header or an SMTP command built from it can never be split or extended by its content.
///
/// ```swift
/// let patient = try MailAddress("claire.martin@exemple.fr", displayName: "Claire Martin")
/// ```
public struct MailAddress: Hashable, Sendable {
    /// The addr-spec, `local@domain`, as used in `MAIL FROM:<…>` and `RCPT TO:<…>`.
    public let address: String
    public let displayName: String?

    /// Accepts the dot-atom form of RFC 5322 only (no quoted local parts, no domain literals) and
    /// ASCII only (no SMTPUTF8): what every relay takes.
    public init(_ address: String, displayName: String? = nil) throws(MailAddressError) {
        try Self.validate(address)
        if let displayName, MailSyntax.hasControlCharacter(displayName) { throw .invalidDisplayName(displayName) }
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The part after `@`: the only part of an address that logs may show (data protection).
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    private static func validate(_ address: String) throws(MailAddressError) {
        guard !address.isEmpty else { throw .empty }
        let scalars = address.unicodeScalars
        if MailSyntax.hasControlCharacter(address) { throw .controlCharacter(address) }
        if scalars.contains(where: { "<>,".unicodeScalars.contains($0) }) { throw .listOrBrackets(address) }
        guard scalars.allSatisfy(\.isASCII) else { throw .nonASCII(address) }
        guard address.utf8.count <= 254 else { throw .tooLong(address) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notOneAddress(address) }
        guard MailSyntax.isDotAtom(parts[0]), parts[0].utf8.count <= 64 else { throw .invalidLocalPart(address) }
        guard MailSyntax.isHostname(parts[1]) else { throw .invalidDomain(address) }
    }
}
