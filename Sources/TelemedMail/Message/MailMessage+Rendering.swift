import Crypto
import Foundation

extension MailMessage {
    /// The message as RFC 5322 and MIME want it on the wire: 7-bit ASCII, CRLF line endings,
    /// headers folded at 78 characters where a space allows it, non-ASCII header text as RFC 2047
    /// encoded-words, both parts in UTF-8 quoted-printable. Refuses control characters in the
    /// subject and extra headers (header injection) and a message without recipients.
    public func rendered() throws(MailMessageError) -> String {
        guard !to.isEmpty else { throw .noRecipient }
        guard !MailSyntax.hasControlCharacter(subject) else { throw .controlCharacterInHeader("Subject") }
        var headers = [
            try HeaderFolding.field("Date", words: [RFC5322Date.format(date)]),
            try HeaderFolding.field("From", words: HeaderFolding.mailboxList([from])),
            try HeaderFolding.field("To", words: HeaderFolding.mailboxList(to)),
        ]
        if let replyTo {
            headers.append(try HeaderFolding.field("Reply-To", words: HeaderFolding.mailboxList([replyTo])))
        }
        headers += [
            try HeaderFolding.field("Subject", words: HeaderFolding.unstructured(subject, name: "Subject")),
            try HeaderFolding.field("Message-ID", words: [messageID.description]),
            "MIME-Version: 1.0",
        ]
        for header in extraHeaders {
            headers.append(
                try HeaderFolding.field(header.name, words: HeaderFolding.unstructured(header.value, name: header.name))
            )
        }
        let boundary = self.boundary
        headers.append(
            try HeaderFolding.field("Content-Type", words: ["multipart/alternative;", "boundary=\"\(boundary)\""]))
        let parts = [("plain", plainText), ("html", html)].map { subtype, text in
            "--\(boundary)\r\nContent-Type: text/\(subtype); charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + QuotedPrintable.encode(text) + "\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    /// Derived from the message id, so a message renders the same on every attempt. `=_` cannot
    /// occur in quoted-printable text, so the boundary can never appear inside a part.
    var boundary: String {
        let digest = SHA256.hash(data: Data(messageID.description.utf8))
        return "=_telemed_" + digest.prefix(16).map(MailSyntax.hex).joined()
    }
}
