import Crypto
import Foundation
import TelemedCore

/// One feed ready to be written: whose it is, its file name and its iCalendar text.
public struct PublishedFeed: Sendable {
    public var kind: FeedKind
    public var ownerId: String
    public var fileName: String
    public var eventCount: Int
    public var text: String

    /// The index entry of this feed.
    public var indexEntry: FeedIndexEntry {
        FeedIndexEntry(
            kind: kind, ownerId: ownerId, fileName: fileName, eventCount: eventCount,
            sha256: SHA256.hash(data: Data(text.utf8)).lowercaseHex)
    }

    /// `unit-U-58.ics`: the kind, then the owner id with every character outside `A–Z a–z 0–9 . -`
    /// written as `_XX` (its UTF-8 octets in hexadecimal), so names are safe and never collide.
    static func fileName(kind: FeedKind, ownerId: String) -> String {
        var name = "\(kind.rawValue)-"
        for byte in ownerId.utf8 {
            let safe =
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            if safe {
                name.append(Character(Unicode.Scalar(byte)))
            } else {
                let digits = Array("0123456789ABCDEF")
                name += "_\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0f)])"
            }
        }
        return name + ".ics"
    }
}

/// A line of `index.json`.
public struct FeedIndexEntry: Codable, Hashable, Sendable {
    public var kind: FeedKind
    public var ownerId: String
    public var fileName: String
    public var eventCount: Int
    /// Lowercase hexadecimal SHA-256 of the file's bytes.
    public var sha256: String
}
