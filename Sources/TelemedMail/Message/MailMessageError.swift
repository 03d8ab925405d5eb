/// Why a message cannot be rendered. Nothing was sent: the same message would fail the same way, so
/// a delivery worker should not retry it.
public enum MailMessageError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRecipient
    /// A header value (the subject, an extra header) holding CR, LF, NUL or another control
    /// character: CR or LF would end the header and let the value add headers of its own.
    case controlCharacterInHeader(String)
    /// A header name that is empty or holds a space, a colon or a non-printable character.
    case invalidHeaderName(String)
    /// A header the renderer writes itself (Date, From, To, Subject, MIME headers…).
    case reservedHeader(String)
    /// A message id whose parts are not a dot-atom and a domain name.
    case invalidMessageID(String)
    /// A header line that cannot be folded under RFC 5322's limit of 998 characters.
    case headerTooLong(String)

    public var description: String {
        switch self {
        case .noRecipient:
            "The message has no recipient; give at least one address in `to`."
        case .controlCharacterInHeader(let header):
            "The \(header) header contains a line break or another control character, which could add headers "
                + "of its own (header injection); remove it (a subject is one line)."
        case .invalidHeaderName(let name):
            "\(MailAddressError.quoted(name)) is not a header name: printable ASCII without spaces or colons, "
                + "as in X-Telemed-Event."
        case .reservedHeader(let name):
            "The \(name) header is written by the renderer from the message's fields; set the field instead "
                + "of an extra header."
        case .invalidMessageID(let text):
            "\(MailAddressError.quoted(text)) cannot be a message id: the id must be letters, digits, dots "
                + "and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ (an event id such as evt-42), and the domain "
                + "a domain name such as telemed.example.fr."
        case .headerTooLong(let header):
            "The \(header) header has a word longer than 998 characters, the limit of an e-mail line; shorten it."
        }
    }
}
