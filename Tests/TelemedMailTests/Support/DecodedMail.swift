import Foundation
import TelemedMail
import TelemedTestSupport

/// What Python's email package reads in a rendered message (scripts/check_mail.py): the reader a
/// mail client would be, independent of TelemedMail's code.
struct DecodedMail: Decodable {
    struct Mailbox: Decodable, Equatable {
        var name: String
        var address: String

        /// As a reader shows the mailbox: no display name reads as "".
        init(_ mailbox: MailAddress) {
            name = mailbox.displayName ?? ""
            address = mailbox.address
        }
    }

    var subject: String
    var from: [Mailbox]
    var to: [Mailbox]
    var replyTo: [Mailbox]?
    var messageID: String
    var date: String
    var contentType: String
    var plain: String
    var html: String
    var headers: [[String]]
    var defects: [String]

    enum CodingKeys: String, CodingKey {
        case subject, from, to, date, plain, html, headers, defects
        case replyTo = "reply_to"
        case messageID = "message_id"
        case contentType = "content_type"
    }

    /// Fails (never skips) when the script refuses the message.
    static func reading(_ message: Data) throws -> DecodedMail {
        let file = TestPaths.temporaryFolder("mail").appendingPathComponent("message.eml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        try message.write(to: file)
        let result = try MailPython.run("check_mail.py", [file.path])
        guard result.status == 0 else {
            throw MailPython.Missing(description: "check_mail.py refused the message: \(result.error)")
        }
        return try JSONDecoder().decode(DecodedMail.self, from: Data(result.output.utf8))
    }
}
