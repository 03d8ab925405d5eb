import Foundation

/// What Python's email package reads in a rendered message (scripts/check_mail.py): the reader a
/// mail client would be, independent of TelemedMail's code.
public struct DecodedMail: Decodable, Sendable {
    public struct Mailbox: Decodable, Equatable, Sendable {
        public var name: String
        public var address: String

        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    public var subject: String
    public var from: [Mailbox]
    public var to: [Mailbox]
    public var replyTo: [Mailbox]?
    public var messageID: String
    public var date: String
    public var contentType: String
    public var plain: String
    public var html: String
    public var headers: [[String]]
    public var defects: [String]

    enum CodingKeys: String, CodingKey {
        case subject, from, to, date, plain, html, headers, defects
        case replyTo = "reply_to"
        case messageID = "message_id"
        case contentType = "content_type"
    }

    /// Fails (never skips) when the script refuses the message.
    public static func reading(_ message: Data) throws -> DecodedMail {
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
