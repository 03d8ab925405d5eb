/// Where in the conversation a send failed.
public enum SMTPStage: String, Hashable, Sendable, CustomStringConvertible {
    case connect
    case greeting
    case hello
    case startTLS
    case authentication
    case mailFrom
    case recipient
    case data
    /// After the message's content and its final `.`: the server's verdict on the message.
    case messageContent
    case quit

    public var description: String {
        switch self {
        case .connect: "connecting"
        case .greeting: "the server's greeting"
        case .hello: "EHLO/HELO"
        case .startTLS: "STARTTLS"
        case .authentication: "AUTH"
        case .mailFrom: "MAIL FROM"
        case .recipient: "RCPT TO"
        case .data: "DATA"
        case .messageContent: "the message's content"
        case .quit: "QUIT"
        }
    }
}
