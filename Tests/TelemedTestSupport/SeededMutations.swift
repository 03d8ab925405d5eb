import TelemedCore

/// Seeded mutations of a valid input, for fuzzing the readers of outside input: the same seed
/// gives the same variants, so a failure is reproduced by its seed and index. Each variant applies
/// one to three edits: flip a byte, delete or duplicate a run, insert a hostile token (a quote, a
/// separator, a line break, a brace, NUL, a huge number), swap two runs, or truncate.
public struct SeededMutations: Sequence {
    public let original: [UInt8]
    public let seed: UInt64
    public let count: Int

    static let tokens: [[UInt8]] = [
        "\"", ",", ";", "\n", "\r\n", "{", "}", "[", "]", ":", "\0", "-", "1e308", "99999999999999999999", "null",
        "BEGIN:VEVENT\r\n", "END:VCALENDAR\r\n", "'; DROP TABLE bookings; --", "\u{FEFF}", "é",
    ].map { Array($0.utf8) }

    public init(of text: String, seed: UInt64, count: Int) {
        original = Array(text.utf8)
        self.seed = seed
        self.count = count
    }

    public func makeIterator() -> AnyIterator<String> {
        var random = SeededRandomNumberGenerator(seed: seed)
        var produced = 0
        return AnyIterator {
            guard produced < count else { return nil }
            produced += 1
            var bytes = original
            for _ in 0...Int(random.next() % 3) { Self.edit(&bytes, &random) }
            // Invalid UTF-8 is part of the point: decoding repairs it as a reader of a file would.
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func edit(_ bytes: inout [UInt8], _ random: inout SeededRandomNumberGenerator) {
        guard !bytes.isEmpty else {
            bytes = tokens[Int(random.next() % UInt64(tokens.count))]
            return
        }
        func index() -> Int { Int(random.next() % UInt64(bytes.count)) }
        let at = index()
        let length = Swift.min(bytes.count - at, 1 + Int(random.next() % 24))
        switch random.next() % 6 {
        case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
        case 1: bytes.removeSubrange(at..<(at + length))
        case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: index())
        case 3: bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: at)
        case 4:
            let other = index()
            let otherLength = Swift.min(bytes.count - other, length)
            let run = Array(bytes[at..<(at + length)])
            bytes.replaceSubrange(at..<(at + length), with: bytes[other..<(other + otherLength)])
            if other + otherLength <= bytes.count { bytes.replaceSubrange(other..<(other + otherLength), with: run) }
        default: bytes.removeSubrange(at...)
        }
    }
}
