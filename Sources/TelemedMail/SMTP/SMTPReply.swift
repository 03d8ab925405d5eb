/// A server's reply: a three-digit code and its lines of text (one line per `250-…` of a
/// multi-line reply, without the code).
public struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var isPositiveCompletion: Bool { (200..<300).contains(code) }
    public var isPositiveIntermediate: Bool { (300..<400).contains(code) }
    public var isTransientFailure: Bool { (400..<500).contains(code) }
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The text as the server wrote it, lines joined by spaces.
    public var text: String { lines.joined(separator: " ") }

    public var description: String { "\(code) \(text)" }
}
