import TelemedTestSupport
import Testing

@testable import TelemedMail

@Suite("SMTP replies, capabilities, dot-stuffing and error classes")
struct SMTPProtocolTests {
    @Test("a multi-line reply is one reply; bytes may arrive in pieces; a bare LF is tolerated")
    func multiLineReply() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-mail.exemple.fr bonjour\r\n250-STARTTLS\r\n250-AUTH PLA".utf8))
        #expect(try parser.nextReply() == nil)
        #expect(parser.hasBufferedBytes)
        parser.append(Array("IN LOGIN\r\n250 8BITMIME\n220".utf8))
        let reply = try #require(try parser.nextReply())
        #expect(
            reply
                == SMTPReply(code: 250, lines: ["mail.exemple.fr bonjour", "STARTTLS", "AUTH PLAIN LOGIN", "8BITMIME"]))
        #expect(try parser.nextReply() == nil)
        parser.append(Array("\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 220, lines: [""]))
        #expect(!parser.hasBufferedBytes)
    }

    @Test(
        "malformed replies are protocol violations",
        arguments: ["hello\r\n", "25 ok\r\n", "250x\r\n", "250-a\r\n251 b\r\n"])
    func malformed(text: String) {
        var parser = SMTPReplyParser()
        parser.append(Array(text.utf8))
        #expect(throws: SMTPProtocolViolation.self) {
            while try parser.nextReply() != nil {}
        }
    }

    @Test("an endless line is refused instead of buffered")
    func endlessLine() {
        var parser = SMTPReplyParser()
        parser.append(Array(repeating: UInt8(ascii: "2"), count: SMTPReplyParser.maximumLineLength + 1))
        #expect(throws: SMTPProtocolViolation.self) { try parser.nextReply() }
    }

    @Test("EHLO's keywords and AUTH mechanisms, in both spellings")
    func capabilities() {
        let reply = SMTPReply(code: 250, lines: ["relais bonjour", "starttls", "AUTH=PLAIN LOGIN", "SIZE 1000"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.offersStartTLS)
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.keywords == ["STARTTLS", "AUTH", "SIZE"])
        #expect(!SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["relais"])).offersStartTLS)
    }

    @Test("the content is dot-stuffed and ends with CRLF.CRLF")
    func dotStuffing() {
        let stuffed = SMTPCommand.content(".début\r\nmilieu.\r\n.\r\n..deux\r\nfin")
        #expect(String(decoding: stuffed.bytes, as: UTF8.self) == "..début\r\nmilieu.\r\n..\r\n...deux\r\nfin\r\n.\r\n")
        #expect(String(decoding: SMTPCommand.content("a\r\n").bytes, as: UTF8.self) == "a\r\n.\r\n")
    }

    @Test("the rendered message keeps a body line starting with a dot, so the stuffing is what protects it")
    func renderedDots() throws {
        let rendered = try MailFixtures.confirmation().rendered()
        #expect(rendered.contains("\r\n.Cette ligne"))
        let stuffed = String(decoding: SMTPCommand.content(rendered).bytes, as: UTF8.self)
        #expect(stuffed.contains("\r\n..Cette ligne"))
        #expect(stuffed.contains("\r\n..\r\n"))
        #expect(stuffed.hasSuffix("--\r\n.\r\n"))
    }

    @Test("5xx replies and unrenderable messages are permanent; the rest is transient")
    func permanence() {
        #expect(SMTPError.rejected(.recipient, SMTPReply(code: 550, lines: ["unknown"])).isPermanent)
        #expect(SMTPError.rejected(.authentication, SMTPReply(code: 535, lines: ["bad"])).isPermanent)
        #expect(SMTPError.invalidMessage(.noRecipient).isPermanent)
        #expect(!SMTPError.rejected(.recipient, SMTPReply(code: 451, lines: ["later"])).isPermanent)
        #expect(!SMTPError.timedOut(.greeting, after: .seconds(1)).isPermanent)
        #expect(!SMTPError.startTLSNotOffered(host: "relais").isPermanent)
        #expect(!SMTPError.tlsFailed(.startTLS, reason: "x").isPermanent)
        #expect(!SMTPError.connectionLost(.data, reason: "reset").isPermanent)
        #expect(SMTPError.rejected(.data, SMTPReply(code: 554, lines: [])).stage == .data)
    }

    @Test("a configuration that would leak credentials or cannot work fails before any connection")
    func configurationChecks() {
        var configuration = SMTPConfiguration(
            host: "smtp.exemple.fr", port: 25, tls: .none, username: "telemed", password: "secret")
        #expect(throws: SMTPError.credentialsNeedEncryption(host: "smtp.exemple.fr")) { try configuration.validate() }
        for loopback in ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"] {
            configuration.host = loopback
            #expect(throws: Never.self) { try configuration.validate() }
        }
        configuration.host = "127.evil.example.fr"
        #expect(throws: SMTPError.credentialsNeedEncryption(host: "127.evil.example.fr")) {
            try configuration.validate()
        }
        configuration = SMTPConfiguration(host: "smtp.exemple.fr", port: 587, tls: .startTLS, heloName: "mauvais nom")
        #expect(throws: SMTPError.self) { try configuration.validate() }
        for badName in ["[\r\n]", "[192.0.2.1] x", "telemed.example.fr\r\nRSET", ""] {
            configuration.heloName = badName
            #expect(throws: SMTPError.self) { try configuration.validate() }
        }
        for goodName in ["[192.0.2.1]", "[IPv6:2001:db8::1]", "telemed.example.fr"] {
            configuration.heloName = goodName
            #expect(throws: Never.self) { try configuration.validate() }
        }
        configuration.trustRoots = .pemFile("/nonexistent/ca.pem")
        #expect(throws: SMTPError.invalidConfiguration("the CA file /nonexistent/ca.pem (trustRoots) cannot be read")) {
            try configuration.validate()
        }
        configuration.trustRoots = .system
        configuration.password = "seul"
        #expect(throws: SMTPError.invalidConfiguration("give both a username and a password, or neither")) {
            try configuration.validate()
        }
    }

    @Test("a send that would leak credentials or has no recipient fails before connecting, with its class")
    func refusedBeforeConnecting() async throws {
        let leaking = SMTPClient(
            configuration: SMTPConfiguration(
                host: "smtp.exemple.invalid", port: 25, tls: .none, username: "telemed", password: "secret"),
            logger: LogRecorder().logger())
        await #expect(throws: SMTPError.credentialsNeedEncryption(host: "smtp.exemple.invalid")) {
            try await leaking.send(try MailFixtures.confirmation())
        }
        var message = try MailFixtures.confirmation()
        message.to = []
        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "smtp.exemple.invalid", port: 25, tls: .none),
            logger: LogRecorder().logger())
        await #expect(throws: SMTPError.invalidMessage(.noRecipient)) { try await client.send(message) }
    }
}
