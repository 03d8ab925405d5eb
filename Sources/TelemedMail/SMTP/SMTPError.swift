/// Why a message was not handed to the relay. ``isPermanent`` tells a delivery worker what to do:
/// retry later when false, dead-letter when true.
///
/// Only what the message itself causes is permanent: a 5xx reply (the relay refuses this sender,
/// recipient or content, or the credentials) and a message that cannot be rendered. Everything
/// about the path is transient: 4xx replies, the network, timeouts, TLS, and the relay or the
/// configuration not matching (``startTLSNotOffered``, ``authenticationNotOffered``,
/// ``credentialsNeedEncryption``, ``invalidConfiguration``): the message is fine and goes out once
/// the operator fixes the relay or the configuration, so it is kept and retried rather than lost.
/// A missing STARTTLS is also what an attacker on the path produces by deleting it from the reply.
public enum SMTPError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidMessage(MailMessageError)
    case invalidConfiguration(String)
    /// Credentials would cross the network in clear text: `tls` is `.none` and the host is not loopback.
    case credentialsNeedEncryption(host: String)
    case connectionFailed(host: String, port: Int, reason: String)
    case timedOut(SMTPStage, after: Duration)
    /// The connection closed or broke before the server replied.
    case connectionLost(SMTPStage, reason: String)
    case tlsFailed(SMTPStage, reason: String)
    /// `tls` is `.startTLS` and the server's EHLO reply does not offer it.
    case startTLSNotOffered(host: String)
    /// Credentials are configured and the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationNotOffered(offered: [String])
    /// The server answered with an error reply (4xx or 5xx) or a reply that does not fit the stage.
    case rejected(SMTPStage, SMTPReply)
    case protocolViolation(SMTPStage, String)

    /// True when retrying the same message cannot succeed (see the type's documentation).
    public var isPermanent: Bool {
        switch self {
        case .invalidMessage: true
        case .rejected(_, let reply): reply.isPermanentFailure
        default: false
        }
    }

    /// The stage that failed, when the conversation had started.
    public var stage: SMTPStage? {
        switch self {
        case .timedOut(let stage, _), .connectionLost(let stage, _), .tlsFailed(let stage, _),
            .rejected(let stage, _), .protocolViolation(let stage, _):
            stage
        case .connectionFailed: .connect
        case .startTLSNotOffered: .startTLS
        case .authenticationNotOffered: .authentication
        case .invalidMessage, .invalidConfiguration, .credentialsNeedEncryption: nil
        }
    }

    /// The server's reply, when it refused.
    public var reply: SMTPReply? {
        if case .rejected(_, let reply) = self { reply } else { nil }
    }

    /// The description without the server's text, which may name the sender or a recipient: what
    /// a log may keep (data protection).
    public var loggableDescription: String {
        if case .rejected(let stage, let reply) = self {
            "The SMTP server refused \(stage) with \(reply.code)"
                + (reply.isPermanentFailure ? " (permanent)." : " (transient).")
        } else {
            description
        }
    }

    /// Holds the server's reply text when it refused; see ``loggableDescription`` for logs.
    public var description: String {
        switch self {
        case .invalidMessage(let error):
            "The message cannot be rendered: \(error)"
        case .invalidConfiguration(let problem):
            "The SMTP configuration is invalid: \(problem)"
        case .credentialsNeedEncryption(let host):
            "Credentials are configured for \(host) with tls: .none; they would cross the network in clear text. "
                + "Use .startTLS (port 587) or .tls (port 465); only a loopback host may go without."
        case .connectionFailed(let host, let port, let reason):
            "Cannot connect to the SMTP server \(host):\(port) (\(reason)); check the host, the port and the "
                + "network. Transient: retry later."
        case .timedOut(let stage, let duration):
            "The SMTP server did not answer \(stage) within \(duration). Transient: retry later."
        case .connectionLost(let stage, let reason):
            "The connection to the SMTP server was lost during \(stage) (\(reason)). Transient: retry later."
        case .tlsFailed(let stage, let reason):
            "TLS failed during \(stage): \(reason). Check the server's certificate and `trustRoots` "
                + "(a private CA needs its PEM file)."
        case .startTLSNotOffered(let host):
            "The SMTP server \(host) does not offer STARTTLS, which the configuration requires (tls: .startTLS): "
                + "check the port (587 offers STARTTLS, 465 is implicit TLS: .tls) or the relay. Nothing was sent "
                + "(transient)."
        case .authenticationNotOffered(let offered):
            "Credentials are configured but the server offers "
                + (offered.isEmpty ? "no AUTH" : "only AUTH \(offered.joined(separator: " "))")
                + " (this client speaks PLAIN and LOGIN): check the port or remove the credentials."
        case .rejected(let stage, let reply):
            "The SMTP server refused \(stage): \(reply)"
                + (reply.isPermanentFailure ? " (permanent)." : " (transient).")
        case .protocolViolation(let stage, let problem):
            "The SMTP server broke the protocol during \(stage): \(problem)."
        }
    }
}
