/// How the connection is encrypted. Explicit, with no opportunistic middle: what is configured is
/// what happens, or the send fails.
public enum SMTPTLSMode: Hashable, Sendable {
    /// Never encrypted, even when the server offers STARTTLS: for a relay on loopback or a test server.
    case none
    /// Plain connection upgraded by STARTTLS before anything else is sent (port 587); fails with
    /// ``SMTPError/startTLSNotOffered(host:)`` when the server does not offer it.
    case startTLS
    /// TLS from the first byte (port 465).
    case tls
}
