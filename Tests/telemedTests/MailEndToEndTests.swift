import Foundation
import TelemedTestSupport
import Testing

/// Notification e-mails from the real `telemed serve` to a real SMTP server on loopback (Python's
/// aiosmtpd, scripts/smtp_test_server.py), read back by Python's email package, beside the webhook
/// receiver: the same events reach both, under the same id.
@Suite(
    "E-mail and webhooks of the running server",
    .enabled(if: MailPython.shouldRun, Comment(rawValue: MailPython.skipReason)))
struct MailEndToEndTests {
    /// The messages the SMTP server accepted so far, read by Python, with their envelopes.
    static func mails(_ smtp: SMTPTestServer) throws -> [(mail: DecodedMail, to: [String])] {
        try smtp.received().map { (try DecodedMail.reading($0.content), $0.envelope.rcptTos) }
    }

    /// Waits (real time, at most `seconds`) until `condition` holds over the messages received.
    static func waitForMail(
        _ smtp: SMTPTestServer, seconds: Double, _ condition: ([(mail: DecodedMail, to: [String])]) -> Bool
    ) async throws -> [(mail: DecodedMail, to: [String])] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let mails = try mails(smtp)
            if condition(mails) { return mails }
            try await Task.sleep(for: .milliseconds(200))
        }
        return try mails(smtp)
    }

    static func header(_ mail: DecodedMail, _ name: String) -> String? {
        mail.headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    @Test(
        "book: a French confirmation mailed to the site and the specialist, and a signed webhook; cancel: the waiting request's offer reaches its site"
    )
    func bookAndCancel() async throws {
        try PythonTools.require("json", package: "Python 3")
        let smtp = try await SMTPTestServer.start()
        let server = try RunningServer(extraArguments: [
            "--smtp-host", "127.0.0.1", "--smtp-port", "\(smtp.port)", "--smtp-tls", "none", "--mail-from",
            "ne-pas-repondre@telemed.example.org",
        ])
        defer { _ = server.stop() }
        let folder = server.database.deletingLastPathComponent()
        let (secretFile, out) = (folder.appendingPathComponent("secret"), folder.appendingPathComponent("hooks.jsonl"))
        let (receiver, port) = try WebhookEndToEndTests.receiver(secret: secretFile, out: out, fail: 0)
        defer { kill(receiver.process.processIdentifier, SIGKILL) }
        try WebhookEndToEndTests.addWebhook(
            server.database, port: port, events: "booking.confirmed,booking.cancelled,waitlist.offer",
            secretFile: secretFile)

        let booking = try await WebhookEndToEndTests.book(server, patient: "P-MAIL-1")
        var mails = try await Self.waitForMail(smtp, seconds: 60) { $0.count >= 2 }
        #expect(
            Set(mails.flatMap(\.to)) == ["accueil.e-58-0001@example.org", "secretariat.s-01@example.org"],
            "the site and the specialist, nobody else")
        for (mail, _) in mails {
            #expect(mail.subject.hasPrefix("Séance confirmée : "), "\(mail.subject)")
            #expect(mail.subject.contains("EHPAD Les Tilleuls"))
            #expect(mail.plain.contains("P-MAIL-1") && mail.html.contains("P-MAIL-1"))
            #expect(mail.plain.contains("Dr Claire Fournier"))
            #expect(mail.from.map(\.address) == ["ne-pas-repondre@telemed.example.org"])
            #expect(mail.defects.isEmpty)
        }
        let hooks = try await WebhookEndToEndTests.waitFor(out, seconds: 30) { $0.contains { $0.status == 200 } }
        let confirmed = try #require(hooks.first { $0.type == "booking.confirmed" })
        #expect(confirmed.valid, "Python's hmac accepts the signature")
        let eventId = try #require(confirmed.id)
        #expect(mails.allSatisfy { Self.header($0.mail, "Telemed-Event-Id") == eventId }, "one event, one id")
        #expect(mails.allSatisfy { $0.mail.messageID.hasPrefix("<\(eventId).") })

        // A second resident waits for an earlier slot than the ones offered; the first cancels.
        let token = try #require(server.credentials.siteTokens["E-58-0001"])
        let waiting = try await server.send(
            "POST", "/api/v1/requests", token: token,
            json: #"{"siteId": "E-58-0001", "patientRef": "P-MAIL-2", "specialty": "dermatology", "mode": "live", "#
                + #""urgency": "soon", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30, "#
                + #""consent": {"givenBy": "resident", "recordedOn": "2027-03-15"}, "waitlist": true}"#)
        #expect(waiting.status == 201, "\(String(decoding: waiting.body, as: UTF8.self))")
        #expect(try await server.send("POST", "/api/v1/bookings/\(booking)/cancel", token: token).status == 200)
        mails = try await Self.waitForMail(smtp, seconds: 60) { mails in
            mails.contains { $0.mail.subject.hasPrefix("Liste d’attente") }
        }
        let offer = try #require(mails.first { $0.mail.subject.hasPrefix("Liste d’attente") })
        #expect(offer.to == ["accueil.e-58-0001@example.org"], "the offer goes to the waiting resident's site")
        #expect(offer.mail.plain.contains("P-MAIL-2") && !offer.mail.plain.contains("P-MAIL-1"))
        #expect(offer.mail.plain.contains("réservez-le ou refusez-le"))
        #expect(mails.contains { $0.mail.subject.hasPrefix("Séance annulée") })
        let later = try await WebhookEndToEndTests.waitFor(out, seconds: 30) { lines in
            lines.contains { $0.type == "waitlist.offer" } && lines.contains { $0.type == "booking.cancelled" }
        }
        #expect(later.filter { $0.type == "waitlist.offer" }.allSatisfy { $0.valid })
        #expect(later.contains { $0.type == "waitlist.offer" })
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("Notification delivered") && log.contains("channel=email"))
        #expect(!log.contains("P-MAIL-1") && !log.contains("@example.org"), "no patient or address in the logs")
    }

    @Test("a relay that refuses for good (550) leaves the delivery dead for admins to see, with no address in the log")
    func permanentRefusal() async throws {
        let smtp = try await SMTPTestServer.start(["--fail", "rcpt:550"])
        let server = try RunningServer(extraArguments: [
            "--smtp-host", "127.0.0.1", "--smtp-port", "\(smtp.port)", "--smtp-tls", "none", "--mail-from",
            "ne-pas-repondre@telemed.example.org",
        ])
        defer { _ = server.stop() }
        _ = try await WebhookEndToEndTests.book(server, patient: "P-MAIL-3")
        let admin = try #require(server.credentials.adminToken)
        var dead: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(60)
        while dead.count < 2 && Date() < deadline {
            let reply = try await server.send("GET", "/api/v1/admin/outbox?state=dead", token: admin)
            dead = try reply.json()["deliveries"] as? [[String: Any]] ?? []
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(dead.count == 2, "both recipients' deliveries are dead at once: a 550 is final")
        #expect(dead.allSatisfy { ($0["channel"] as? String) == "email" && ($0["attempts"] as? Int) == 1 })
        #expect(try smtp.received().isEmpty)
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("Notification dead") && !log.contains("@example.org"))
    }

    @Test("bad mail options are refused before anything starts")
    func badOptions() throws {
        let database = TelemedProcess.temporaryFile("mail-options").appendingPathComponent("telemed.sqlite")
        for (arguments, message) in [
            (["--smtp-host", "127.0.0.1"], "--smtp-host needs --mail-from"),
            (["--smtp-host", "127.0.0.1", "--mail-from", "pas une adresse"], "--mail-from"),
            (["--mail-from", "a@example.org"], "need --smtp-host"),
            (
                ["--smtp-host", "smtp.example.org", "--mail-from", "a@example.org", "--smtp-user", "u"],
                "TELEMED_SMTP_PASSWORD"
            ),
            (
                ["--smtp-host", "127.0.0.1", "--mail-from", "a@example.org", "--smtp-tls", "maybe"],
                "none, starttls or tls"
            ),
        ] {
            let result = try TelemedProcess.run(["serve", "--db", database.path, "--port", "0"] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: database.path), "nothing was set up")
        }
    }
}
