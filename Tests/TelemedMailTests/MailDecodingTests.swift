import Foundation
import TelemedTestSupport
import Testing

@testable import TelemedMail

/// What a real MIME parser (Python's email package, scripts/check_mail.py) reads in a rendered
/// message must be what the message was made of.
@Suite("Rendered messages read back by Python's email package")
struct MailDecodingTests {
    /// The text a reader gets back: the same text with \n line breaks.
    static func asRead(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func check(_ message: MailMessage) throws -> DecodedMail {
        let decoded = try DecodedMail.reading(Data(try message.rendered().utf8))
        #expect(decoded.defects == [])
        #expect(decoded.contentType == "multipart/alternative")
        #expect(decoded.subject == message.subject)
        #expect(decoded.from == [DecodedMail.Mailbox(message.from)])
        #expect(decoded.to == message.to.map(DecodedMail.Mailbox.init))
        #expect(decoded.messageID == message.messageID.description)
        #expect(decoded.plain == asRead(message.plainText))
        #expect(decoded.html == asRead(message.html))
        return decoded
    }

    @Test("the confirmation reads back as given: subject, names, addresses, id, date, both parts")
    func confirmation() throws {
        let decoded = try Self.check(try MailFixtures.confirmation())
        #expect(decoded.date == "2025-06-03T08:05:09+00:00")
        #expect(decoded.headers.contains(["Auto-Submitted", "auto-generated"]))
    }

    @Test("long, accented and odd subjects and names read back exactly")
    func oddSubjectsAndNames() throws {
        let subjects = [
            String(repeating: "Rappel : téléconsultation de gériatrie demain matin à l’EHPAD. ", count: 4),
            "  deux espaces devant, trois   au milieu et derrière  ",
            "=?UTF-8?Q?pas_un_mot_encod=C3=A9?=",
            "Séance n° 12 — « Dr Müller » 😀 confirmée",
            "",
            "Simple ASCII subject that is long enough to be folded over more than one line of the header",
        ]
        for subject in subjects {
            var message = try MailFixtures.confirmation(subject: subject)
            message.from = try MailAddress(
                "ne-pas-repondre@telemed.example.fr", displayName: "Centre \"Hospitalier\" \\ de Dole, Jura")
            message.to.append(
                try MailAddress(
                    "medecin@exemple.fr",
                    displayName: "Docteure Marie-Hélène de La Tour d’Auvergne, gériatre de l’hôpital de Dole"))
            message.replyTo = try MailAddress("planification@telemed.example.fr", displayName: "Planification")
            let decoded = try Self.check(message)
            #expect(decoded.replyTo == [DecodedMail.Mailbox(message.replyTo!)])
        }
    }

    @Test("bodies with every line ending, blank lines, long lines and lone dots read back exactly")
    func bodies() throws {
        var message = try MailFixtures.confirmation()
        message.plainText =
            "a\r\nb\rc\n\n.\n..\n" + String(repeating: "é", count: 200) + "\n" + String(repeating: "x=", count: 80)
            + "\nfin\t\n"
        message.html = "<p>" + String(repeating: "Séance confirmée. ", count: 30) + "</p>\n"
        _ = try Self.check(message)
    }
}
