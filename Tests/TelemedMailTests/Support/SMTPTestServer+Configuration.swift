import TelemedMail
import TelemedTestSupport

extension SMTPTestServer {
    /// A configuration for this server: loopback by address, short timeouts, the test CA trusted.
    func configuration(
        tls: SMTPTLSMode = .none, username: String? = nil, password: String? = nil,
        commandTimeout: Duration = .seconds(30)
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1", port: port, tls: tls, username: username, password: password,
            heloName: "telemed.example.fr", connectTimeout: .seconds(10), commandTimeout: commandTimeout,
            trustRoots: .pemFile(caFile.path))
    }
}
