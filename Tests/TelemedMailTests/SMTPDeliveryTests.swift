import Foundation
import TelemedMail
import TelemedTestSupport
import Testing

// The time limit only stops a hang: starting the Python server alone may take up to 180 s on a
// loaded two-core CI (`SMTPTestServer.start`), so a minute was too short.
/// Messages sent to aiosmtpd on loopback (scripts/smtp_test_server.py) must arrive as rendered.
@Suite(
    "Delivering to a real SMTP server on loopback",
    .enabled(if: MailPython.shouldRun, Comment(rawValue: MailPython.skipReason)), .timeLimit(.minutes(10)))
struct SMTPDeliveryTests {
    /// Sends the confirmation and checks the server got exactly the rendered bytes, for exactly
    /// these addresses, and that Python's email package reads them back as given.
    @discardableResult
    static func deliver(
        to server: SMTPTestServer, _ configuration: SMTPConfiguration, logs: LogRecorder = LogRecorder()
    ) async throws -> SMTPTestServer.Envelope {
        let message = try MailFixtures.confirmation()
        try await SMTPClient(configuration: configuration, logger: logs.logger()).send(message)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].content == Data(try message.rendered().utf8))
        #expect(received[0].envelope.mailFrom == message.from.address)
        #expect(received[0].envelope.rcptTos == message.to.map(\.address))
        let decoded = try DecodedMail.reading(received[0].content)
        #expect(decoded.subject == message.subject)
        #expect(decoded.to == message.to.map(DecodedMail.Mailbox.init))
        #expect(decoded.messageID == message.messageID.description)
        #expect(decoded.plain == MailDecodingTests.asRead(message.plainText))
        #expect(decoded.html == MailDecodingTests.asRead(message.html))
        return received[0].envelope
    }

    @Test("plain: the rendered bytes arrive unchanged, dotted lines included, and the logs keep domains only")
    func plain() async throws {
        let server = try await SMTPTestServer.start()
        let logs = LogRecorder()
        let envelope = try await Self.deliver(to: server, server.configuration(), logs: logs)
        #expect(!envelope.tls)
        #expect(logs.text.contains("ehpad-les-tilleuls.example.fr"))
        #expect(logs.text.contains("smtp message accepted"))
        for secret in ["accueil@", "cadre.sante", "ne-pas-repondre", "Séance", "Bonjour", "Tilleuls\""] {
            #expect(!logs.text.contains(secret), "the logs show \(secret)")
        }
    }

    @Test("STARTTLS required, the test CA trusted: delivered over TLS")
    func startTLS() async throws {
        let server = try await SMTPTestServer.start(["--tls", "starttls"])
        let envelope = try await Self.deliver(to: server, server.configuration(tls: .startTLS))
        #expect(envelope.tls)
    }

    @Test("implicit TLS (port 465 style): delivered over TLS")
    func implicitTLS() async throws {
        let server = try await SMTPTestServer.start(["--tls", "implicit"])
        let envelope = try await Self.deliver(to: server, server.configuration(tls: .tls))
        #expect(envelope.tls)
    }

    @Test("AUTH PLAIN over STARTTLS logs in and delivers, and the password never reaches the logs")
    func authPlain() async throws {
        let server = try await SMTPTestServer.start(["--tls", "starttls", "--auth", "telemed:mot-de-passe-secret"])
        let logs = LogRecorder()
        let configuration = server.configuration(tls: .startTLS, username: "telemed", password: "mot-de-passe-secret")
        let envelope = try await Self.deliver(to: server, configuration, logs: logs)
        #expect(envelope.tls)
        #expect(envelope.authMechanism == "PLAIN")
        #expect(!logs.text.contains("mot-de-passe"))
        #expect(!logs.text.contains(Data("\0telemed\0mot-de-passe-secret".utf8).base64EncodedString()))
    }

    @Test("AUTH LOGIN when the server offers only that, over implicit TLS")
    func authLogin() async throws {
        let server = try await SMTPTestServer.start([
            "--tls", "implicit", "--auth", "telemed:secret", "--auth-mechanisms", "LOGIN",
        ])
        let envelope = try await Self.deliver(
            to: server, server.configuration(tls: .tls, username: "telemed", password: "secret"))
        #expect(envelope.authMechanism == "LOGIN")
    }

    @Test("credentials may go in clear to a loopback relay")
    func loopbackCredentials() async throws {
        let server = try await SMTPTestServer.start(["--auth", "telemed:secret"])
        let envelope = try await Self.deliver(to: server, server.configuration(username: "telemed", password: "secret"))
        #expect(!envelope.tls)
        #expect(envelope.authMechanism == "PLAIN")
    }

    @Test("a server that refuses EHLO is greeted with HELO and still gets the message")
    func heloFallback() async throws {
        let server = try await SMTPTestServer.start(["--helo-only"])
        try await Self.deliver(to: server, server.configuration())
    }

    @Test("two messages on two connections arrive as two messages")
    func twoMessages() async throws {
        let server = try await SMTPTestServer.start()
        let client = SMTPClient(configuration: server.configuration(), logger: LogRecorder().logger())
        try await client.send(try MailFixtures.confirmation(id: "evt-1"))
        try await client.send(try MailFixtures.confirmation(id: "evt-2"))
        let received = try server.received()
        try #require(received.count == 2)
        let second = String(decoding: received[1].content, as: UTF8.self)
        #expect(second.contains("<evt-2@telemed.example.fr>"))
    }
}
