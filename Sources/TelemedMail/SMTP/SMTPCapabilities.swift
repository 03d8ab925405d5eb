/// What the server's EHLO reply offers (RFC 5321 §4.1.1.1): one keyword per line after the first.
struct SMTPCapabilities: Equatable {
    var keywords: Set<String> = []
    var authenticationMechanisms: [String] = []

    /// HELO's answer: nothing offered.
    static let none = SMTPCapabilities()

    init() {}

    init(ehloReply reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            keywords.insert(keyword)
            if keyword == "AUTH" { authenticationMechanisms += words.dropFirst() }
        }
    }

    var offersStartTLS: Bool { keywords.contains("STARTTLS") }
}
