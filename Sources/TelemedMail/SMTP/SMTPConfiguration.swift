import Foundation

/// Where and how to reach the relay.
///
/// ```swift
/// let relay = SMTPConfiguration(
///     host: "smtp.operateur.example.fr", port: 587, tls: .startTLS,
///     username: "telemed", password: secret, heloName: "telemed.example.fr")
/// ```
public struct SMTPConfiguration: Hashable, Sendable {
    public var host: String
    public var port: Int
    public var tls: SMTPTLSMode
    /// With ``password``: AUTH PLAIN, or AUTH LOGIN when the server offers only that. Refused over an
    /// unencrypted connection unless ``host`` is loopback.
    public var username: String?
    public var password: String?
    /// The name given in EHLO: this machine's fully qualified domain name (some relays refuse
    /// `localhost`).
    public var heloName: String
    public var connectTimeout: Duration
    /// How long to wait for each reply (and for the TLS handshake that precedes it).
    public var commandTimeout: Duration
    public var trustRoots: SMTPTrustRoots

    public init(
        host: String, port: Int, tls: SMTPTLSMode, username: String? = nil, password: String? = nil,
        heloName: String = "localhost", connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60),
        trustRoots: SMTPTrustRoots = .system
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.username = username
        self.password = password
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.trustRoots = trustRoots
    }

    /// Credentials are set, both of them.
    var credentials: (username: String, password: String)? {
        guard let username, let password else { return nil }
        return (username, password)
    }

    /// A relay on this machine: credentials may go to it without TLS, nothing leaves the host.
    var isLoopback: Bool {
        let bare = host.trimmingCharacters(in: ["[", "]"]).lowercased()
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        let isIPv4Loopback = octets.count == 4 && octets.allSatisfy { $0 != nil } && octets[0] == 127
        return bare == "localhost" || bare == "::1" || isIPv4Loopback
    }

    /// The checks that need no server, so a wrong setting fails before any connection.
    public func validate() throws(SMTPError) {
        guard !host.isEmpty, !MailSyntax.hasControlCharacter(host), !host.contains(" ") else {
            throw .invalidConfiguration("the host \(MailAddressError.quoted(host)) is not a host name or address")
        }
        guard (1...65535).contains(port) else { throw .invalidConfiguration("the port \(port) is not in 1…65535") }
        let addressLiteral =
            heloName.hasPrefix("[") && heloName.hasSuffix("]")
            && heloName.dropFirst().dropLast().allSatisfy { $0.isHexDigit || ".:".contains($0) || "IPv".contains($0) }
        guard MailSyntax.isHostname(Substring(heloName)) || addressLiteral else {
            throw .invalidConfiguration(
                "the HELO name \(MailAddressError.quoted(heloName)) is not a domain name or an address literal "
                    + "such as [192.0.2.1]")
        }
        guard (username == nil) == (password == nil) else {
            throw .invalidConfiguration("give both a username and a password, or neither")
        }
        if let credentials, (credentials.username + credentials.password).contains("\0") {
            throw .invalidConfiguration(
                "the username or the password contains a NUL character, which AUTH PLAIN cannot carry")
        }
        if credentials != nil, tls == .none, !isLoopback { throw .credentialsNeedEncryption(host: host) }
        if case .pemFile(let path) = trustRoots, tls != .none, !FileManager.default.isReadableFile(atPath: path) {
            throw .invalidConfiguration("the CA file \(path) (trustRoots) cannot be read")
        }
    }
}
