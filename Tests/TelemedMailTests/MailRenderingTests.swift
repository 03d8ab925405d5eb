import Foundation
import Testing

@testable import TelemedMail

@Suite("Rendering a message")
struct MailRenderingTests {
    /// The header block, unfolded: one entry per header.
    static func headers(of rendered: String) -> [String] {
        let block = rendered.components(separatedBy: "\r\n\r\n")[0]
        return block.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
    }

    @Test("a small message renders exactly so, byte for byte")
    func golden() throws {
        let message = MailMessage(
            from: try MailAddress("ne-pas-repondre@telemed.example.fr", displayName: "Télémédecine"),
            to: [try MailAddress("accueil@ehpad.example.fr")], subject: "Séance confirmée",
            messageID: try MailMessageID(id: "evt-7", domain: "telemed.example.fr"), date: MailFixtures.date,
            plainText: "Séance à 14 h.\n.", html: "<p>Séance à 14 h.</p>")
        let boundary = message.boundary
        #expect(boundary.hasPrefix("=_telemed_") && boundary.count == 42)
        let expected = [
            "Date: Tue, 03 Jun 2025 08:05:09 +0000",
            "From: =?UTF-8?Q?T=C3=A9l=C3=A9m=C3=A9decine?=",
            " <ne-pas-repondre@telemed.example.fr>",
            "To: accueil@ehpad.example.fr",
            "Subject: =?UTF-8?Q?S=C3=A9ance_confirm=C3=A9e?=",
            "Message-ID: <evt-7@telemed.example.fr>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;",
            " boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "S=C3=A9ance =C3=A0 14 h.",
            ".",
            "--\(boundary)",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p>S=C3=A9ance =C3=A0 14 h.</p>",
            "--\(boundary)--",
            "",
        ].joined(separator: "\r\n")
        let rendered = try message.rendered()
        #expect(rendered == expected)
    }

    @Test("the headers: RFC 5322 date, message id, MIME version, names and addresses, extra headers")
    func headers() throws {
        let headers = Self.headers(of: try MailFixtures.confirmation().rendered())
        #expect(headers.contains("Date: Tue, 03 Jun 2025 08:05:09 +0000"))
        #expect(headers.contains("Message-ID: <evt-1842@telemed.example.fr>"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Auto-Submitted: auto-generated"))
        #expect(
            headers.contains(
                "To: \"EHPAD Les Tilleuls\" <accueil@ehpad-les-tilleuls.example.fr>, "
                    + "cadre.sante@ehpad-les-tilleuls.example.fr"))
        #expect(headers.contains { $0.hasPrefix("Content-Type: multipart/alternative; boundary=\"=_telemed_") })
        #expect(headers.filter { $0.hasPrefix("Date:") }.count == 1)
    }

    @Test("a subject with French accents becomes encoded-words; an ASCII one stays readable")
    func encodedSubject() throws {
        let accented = Self.headers(of: try MailFixtures.confirmation().rendered())
        #expect(accented.contains("Subject: =?UTF-8?Q?=C2=AB_S=C3=A9ance_confirm=C3=A9e_=C2=BB?="))
        let ascii = Self.headers(of: try MailFixtures.confirmation(subject: "Seance confirmee").rendered())
        #expect(ascii.contains("Subject: Seance confirmee"))
        let lookalike = Self.headers(of: try MailFixtures.confirmation(subject: "=?UTF-8?Q?x?=").rendered())
        #expect(lookalike.contains("Subject: =?UTF-8?Q?=3D=3FUTF-8=3FQ=3Fx=3F=3D?="))
    }

    @Test("long headers fold at 78 characters between words, never inside an encoded-word")
    func folding() throws {
        let subject = String(repeating: "Rappel : téléconsultation de gériatrie demain matin à l’EHPAD. ", count: 4)
        let rendered = try MailFixtures.confirmation(subject: subject).rendered()
        let headerLines = rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.allSatisfy { $0.utf8.count <= 78 })
        let subjectLines = headerLines.drop { !$0.hasPrefix("Subject:") }.prefix {
            $0.hasPrefix("Subject:") || $0.hasPrefix(" ")
        }
        #expect(subjectLines.count > 3)
        for line in subjectLines {
            let word = line.hasPrefix("Subject: ") ? line.dropFirst(9) : line.dropFirst()
            #expect(word.hasPrefix("=?UTF-8?Q?") && word.hasSuffix("?=") && word.count <= 75)
        }
    }

    @Test("a display name keeps its plain words as atoms; only a run of other words over 75 characters is split")
    func displayNames() throws {
        let mixed = HeaderFolding.phrase("Docteure Marie-Hélène de La Tour d’Auvergne")
        #expect(
            mixed == [
                "Docteure", "=?UTF-8?Q?Marie-H=C3=A9l=C3=A8ne?=", "de", "La", "Tour", "=?UTF-8?Q?d=E2=80=99Auvergne?=",
            ])
        #expect(HeaderFolding.phrase("Dr \"Martin\", Dole") == [#""Dr \"Martin\", Dole""#])
        let long = HeaderFolding.phrase(String(repeating: "é", count: 40))
        #expect(long.count == 4)
        #expect(long.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?Q?") && $0.hasSuffix("?=") })
        #expect(long.joined().components(separatedBy: "=C3=A9").count - 1 == 40)
    }

    @Test("a word longer than 998 characters cannot be folded and is refused")
    func overlongHeader() throws {
        var message = try MailFixtures.confirmation()
        message.extraHeaders = [try MailHeader("X-Telemed-Trace", String(repeating: "a", count: 1000))]
        // Plain ASCII too long to fold goes to encoded-words, which can always be folded.
        let rendered = try message.rendered()
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(throws: MailMessageError.headerTooLong("From")) {
            try HeaderFolding.field("From", words: [String(repeating: "b", count: 1000)])
        }
    }

    @Test("quoted-printable: accents and = escaped, trailing spaces kept, lines at most 76, escapes whole")
    func quotedPrintable() {
        let line = "La séance de téléconsultation en cardiologie du mardi 3 juin 2025 à 14 h 30 à l’EHPAD = ok  "
        let encoded = QuotedPrintable.encode(line + "\n.suite\r\nfin")
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast(3).allSatisfy { $0.hasSuffix("=") })
        let unfolded = encoded.replacingOccurrences(of: "=\r\n", with: "")
        #expect(unfolded.contains("s=C3=A9ance"))
        #expect(unfolded.contains("l=E2=80=99EHPAD =3D ok =20\r\n"))
        #expect(lines.suffix(2) == [".suite", "fin"])
        // Every = starts a whole escape or ends a line (a soft break).
        let hex = Set("0123456789ABCDEF".utf8)
        for line in lines {
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "=") {
                let isSoftBreak = index == bytes.count - 1
                let isEscape =
                    index + 2 < bytes.count && hex.contains(bytes[index + 1]) && hex.contains(bytes[index + 2])
                #expect(isSoftBreak || isEscape)
            }
        }
        #expect(Self.decodeQuotedPrintable(encoded) == line + "\r\n.suite\r\nfin")
    }

    @Test("every line of a rendered message ends with CRLF and the body's lines stay within 76")
    func lineEndings() throws {
        let rendered = try MailFixtures.confirmation().rendered()
        let bytes = Array(rendered.utf8)
        #expect(bytes.allSatisfy { $0 < 128 })
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(rendered.hasSuffix("--\r\n"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("the same message renders byte for byte the same; another id, another boundary")
    func determinism() throws {
        let first = try MailFixtures.confirmation().rendered()
        #expect(try MailFixtures.confirmation().rendered() == first)
        let original = try MailFixtures.confirmation()
        let other = try MailFixtures.confirmation(id: "evt-1843")
        #expect(try other.rendered() != first)
        #expect(other.boundary != original.boundary)
        #expect(!first.contains("evt-1843"))
    }

    @Test("CR or LF in a subject or an extra header is refused: no header injection")
    func headerInjection() throws {
        for subject in ["Séance\r\nBcc: espion@exemple.fr", "Séance\nBcc: x@y.fr", "Séance\rX", "Séance\0"] {
            #expect(throws: MailMessageError.controlCharacterInHeader("Subject")) {
                try MailFixtures.confirmation(subject: subject).rendered()
            }
        }
        #expect(throws: MailMessageError.controlCharacterInHeader("X-Event")) {
            try MailHeader("X-Event", "42\r\nBcc: x@y.fr")
        }
        #expect(throws: MailMessageError.invalidHeaderName("X Event")) { try MailHeader("X Event", "42") }
        #expect(throws: MailMessageError.invalidHeaderName("X-Event:")) { try MailHeader("X-Event:", "42") }
        #expect(throws: MailMessageError.reservedHeader("BCC")) { try MailHeader("BCC", "x@y.fr") }
        #expect(throws: MailMessageError.invalidMessageID("evt 1@telemed.example.fr")) {
            try MailMessageID(id: "evt 1", domain: "telemed.example.fr")
        }
        #expect(throws: MailMessageError.invalidMessageID("evt-1@telemed.example.fr>\r\nBcc:")) {
            try MailMessageID(id: "evt-1", domain: "telemed.example.fr>\r\nBcc:")
        }
        var message = try MailFixtures.confirmation()
        message.to = []
        #expect(throws: MailMessageError.noRecipient) { try message.rendered() }
    }

    /// A reference decoder (RFC 2045 §6.7) for the encoder's round trip, written apart from it.
    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        for line in text.components(separatedBy: "\r\n") {
            var characters = Array(line.utf8)[...]
            var soft = false
            while let byte = characters.popFirst() {
                guard byte == UInt8(ascii: "=") else {
                    bytes.append(byte)
                    continue
                }
                guard characters.count >= 2 else {
                    soft = true
                    break
                }
                bytes.append(UInt8(String(decoding: characters.prefix(2), as: UTF8.self), radix: 16)!)
                characters = characters.dropFirst(2)
            }
            if !soft { bytes += Array("\r\n".utf8) }
        }
        return String(decoding: bytes.dropLast(2), as: UTF8.self)
    }
}
