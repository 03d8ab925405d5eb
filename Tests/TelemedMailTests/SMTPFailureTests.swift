import Foundation
import TelemedMail
import TelemedTestSupport
import Testing

// The time limit only stops a hang: starting the Python server alone may take up to 180 s on a
// loaded two-core CI (`SMTPTestServer.start`), so a minute was too short.
/// Each way a send fails must say where, and whether a retry can help.
@Suite(
    "Failures against a real SMTP server on loopback",
    .enabled(if: MailPython.shouldRun, Comment(rawValue: MailPython.skipReason)), .timeLimit(.minutes(10)))
struct SMTPFailureTests {
    /// The error the send throws; fails the test when it does not throw one.
    static func failure(sending configuration: SMTPConfiguration) async throws -> SMTPError {
        let client = SMTPClient(configuration: configuration, logger: LogRecorder().logger())
        let message = try MailFixtures.confirmation()
        do {
            try await client.send(message)
        } catch {
            return error
        }
        Issue.record("the send succeeded")
        throw CancellationError()
    }

    @Test(
        "4xx replies are transient, 5xx permanent, at the stage that got them",
        arguments: [
            ("rcpt:451", SMTPStage.recipient, 451, false), ("rcpt:550", .recipient, 550, true),
            ("data:451", .messageContent, 451, false), ("data:554", .messageContent, 554, true),
        ])
    func refusals(failure: String, stage: SMTPStage, code: Int, permanent: Bool) async throws {
        let server = try await SMTPTestServer.start(["--fail", failure])
        let error = try await Self.failure(sending: server.configuration())
        guard case .rejected(let failedStage, let reply) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(failedStage == stage)
        #expect(reply.code == code)
        #expect(reply.text.contains("refused by the test server"))
        #expect(!error.loggableDescription.contains("test server"))
        #expect(error.loggableDescription.contains("\(code)"))
        #expect(error.isPermanent == permanent)
        #expect(try server.received().isEmpty)
    }

    @Test("STARTTLS required against a server without it: transient startTLSNotOffered, nothing sent")
    func startTLSMissing() async throws {
        let server = try await SMTPTestServer.start()
        let error = try await Self.failure(sending: server.configuration(tls: .startTLS))
        #expect(error == .startTLSNotOffered(host: "127.0.0.1"))
        #expect(!error.isPermanent)
        #expect(error.description.contains("does not offer STARTTLS"))
        #expect(try server.received().isEmpty)
    }

    @Test("a certificate from a CA that is not trusted fails TLS, before any credential is sent")
    func untrustedCertificate() async throws {
        let server = try await SMTPTestServer.start(["--tls", "starttls", "--auth", "telemed:secret"])
        var configuration = server.configuration(tls: .startTLS, username: "telemed", password: "secret")
        configuration.trustRoots = .system
        let error = try await Self.failure(sending: configuration)
        guard case .tlsFailed(.startTLS, _) = error else {
            Issue.record("expected a TLS failure at STARTTLS, got \(error)")
            return
        }
        #expect(!error.isPermanent)
        let implicit = try await SMTPTestServer.start(["--tls", "implicit"])
        var implicitConfiguration = implicit.configuration(tls: .tls)
        implicitConfiguration.trustRoots = .system
        let implicitError = try await Self.failure(sending: implicitConfiguration)
        guard case .tlsFailed(.greeting, _) = implicitError else {
            Issue.record("expected a TLS failure at the greeting, got \(implicitError)")
            return
        }
    }

    @Test("a reply slipped in clear after the server's yes to STARTTLS ends the conversation before TLS")
    func injectionAfterStartTLS() async throws {
        let server = try await SMTPTestServer.start(["--inject-after-starttls"])
        let error = try await Self.failure(
            sending: server.configuration(tls: .startTLS, username: "telemed", password: "secret"))
        guard case .protocolViolation(.startTLS, _) = error else {
            Issue.record("expected a protocol violation at STARTTLS, got \(error)")
            return
        }
        #expect(!error.isPermanent)
    }

    @Test("a wrong password is a permanent refusal at AUTH")
    func wrongPassword() async throws {
        let server = try await SMTPTestServer.start(["--tls", "starttls", "--auth", "telemed:secret"])
        let error = try await Self.failure(
            sending: server.configuration(tls: .startTLS, username: "telemed", password: "faux"))
        #expect(error.stage == .authentication)
        #expect(error.reply?.code == 535)
        #expect(error.isPermanent)
        #expect(try server.received().isEmpty)
    }

    @Test("a server that never answers times out within the command timeout")
    func silentServer() async throws {
        let server = try await SMTPTestServer.start(["--silent"])
        let start = ContinuousClock.now
        let error = try await Self.failure(sending: server.configuration(commandTimeout: .milliseconds(500)))
        let elapsed = ContinuousClock.now - start
        #expect(error == .timedOut(.greeting, after: .milliseconds(500)))
        #expect(!error.isPermanent)
        // It waited for the timeout (no upper bound: a loaded machine only makes it later, and
        // speed is measured in benchmarks, not asserted in tests).
        #expect(elapsed >= .milliseconds(450))
    }

    @Test("nothing listening: a transient connection failure")
    func refusedConnection() async throws {
        let port = try await SMTPTestServer.start(["--silent"]).port
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: port, tls: .none)
        configuration.connectTimeout = .seconds(5)
        let error = try await Self.failure(sending: configuration)
        guard case .connectionFailed(host: "127.0.0.1", port: port, _) = error else {
            Issue.record("expected a connection failure, got \(error)")
            return
        }
        #expect(!error.isPermanent)
    }

}
