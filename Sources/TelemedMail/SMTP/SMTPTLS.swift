import Foundation
import NIOCore
import NIOSSL

/// The client side of TLS for the relay: certificate and host name always verified, TLS 1.2 or later.
enum SMTPTLS {
    static func context(trusting roots: SMTPTrustRoots) throws(SMTPError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        switch roots {
        case .system: configuration.trustRoots = .default
        case .pemFile(let path): configuration.trustRoots = .file(path)
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .invalidConfiguration("the TLS settings cannot be used (\(error)); check trustRoots")
        }
    }

    /// SNI cannot carry an IP address; without a name, NIOSSL checks the certificate against the
    /// peer's address instead, so a relay reached by IP needs that address in its certificate.
    static func handler(context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        let isAddress = (try? SocketAddress(ipAddress: host.trimmingCharacters(in: ["[", "]"]), port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    static func isTLSError(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }
}
