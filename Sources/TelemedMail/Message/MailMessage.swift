import Foundation

/// A notification e-mail: a plain-text and an HTML version of the same text, sent as
/// `multipart/alternative`. Every field is an input, the date too, so the same message renders byte
/// for byte the same (``rendered()``) whenever and however often it is sent.
///
/// ```swift
/// let message = MailMessage(
///     from: try MailAddress("ne-pas-repondre@telemed.example.fr", displayName: "Télémédecine"),
///     to: [try MailAddress("accueil@ehpad-exemple.fr")],
///     subject: "Séance confirmée",
///     messageID: try MailMessageID(id: "evt-1842", domain: "telemed.example.fr"),
///     date: event.createdAt,
///     plainText: "Bonjour,\nla séance du 3 juin est confirmée.",
///     html: "<p>Bonjour,<br>la séance du 3 juin est confirmée.</p>")
/// ```
public struct MailMessage: Hashable, Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var messageID: MailMessageID
    public var date: Date
    public var plainText: String
    public var html: String
    /// Written after the standard headers, in this order.
    public var extraHeaders: [MailHeader]

    public init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, messageID: MailMessageID,
        date: Date, plainText: String, html: String, extraHeaders: [MailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.plainText = plainText
        self.html = html
        self.extraHeaders = extraHeaders
    }
}
