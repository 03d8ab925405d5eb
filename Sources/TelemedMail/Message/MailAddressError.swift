/// Why a string is not one mailbox the client can put in a header and an SMTP envelope. Each case
/// holds the text as given, so the caller can show which address to correct.
public enum MailAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// CR, LF, NUL or another control character: one of them in a header would start a new
    /// header or command (header injection).
    case controlCharacter(String)
    /// `<`, `>` or `,`: the value holds a list or an already formatted mailbox, not one address.
    case listOrBrackets(String)
    /// No `@`, or more than one.
    case notOneAddress(String)
    case invalidLocalPart(String)
    case invalidDomain(String)
    /// Non-ASCII characters would need SMTPUTF8, which relays do not all offer.
    case nonASCII(String)
    case tooLong(String)
    /// A display name holding CR, LF, NUL or another control character.
    case invalidDisplayName(String)

    public var description: String {
        switch self {
        case .empty:
            "The e-mail address is empty; give one address such as nom@exemple.fr."
        case .controlCharacter(let text):
            "The e-mail address \(Self.quoted(text)) contains a line break or another control character; "
                + "give one address such as nom@exemple.fr."
        case .listOrBrackets(let text):
            "The e-mail address \(Self.quoted(text)) contains <, > or a comma; give the bare address "
                + "(nom@exemple.fr) and the name separately, one recipient per address."
        case .notOneAddress(let text):
            "\(Self.quoted(text)) is not one e-mail address: it needs exactly one @, as in nom@exemple.fr."
        case .invalidLocalPart(let text):
            "The part before @ in \(Self.quoted(text)) is not valid: letters, digits and ! # $ % & ' * + - / = ? "
                + "^ _ ` { | } ~, with single dots between them, at most 64 characters."
        case .invalidDomain(let text):
            "The domain of \(Self.quoted(text)) is not valid: labels of letters, digits and hyphens separated "
                + "by dots (exemple.fr), each at most 63 characters."
        case .nonASCII(let text):
            "The e-mail address \(Self.quoted(text)) contains non-ASCII characters; write an accented domain "
                + "in its xn-- form (punycode), and use an ASCII mailbox name."
        case .tooLong(let text):
            "The e-mail address \(Self.quoted(text)) is longer than 254 characters."
        case .invalidDisplayName(let text):
            "The display name \(Self.quoted(text)) contains a line break or another control character."
        }
    }

    /// Control characters shown escaped, so the message stays on one line in a log.
    static func quoted(_ text: String) -> String {
        "\""
            + text.unicodeScalars.map {
                $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0)
            }
            .joined() + "\""
    }
}
