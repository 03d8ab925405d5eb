/// The certificate authorities that may vouch for the server's certificate.
public enum SMTPTrustRoots: Hashable, Sendable {
    /// The system's store.
    case system
    /// A PEM file of one or more CA certificates: an operator's private CA, or a test's.
    case pemFile(String)
}
