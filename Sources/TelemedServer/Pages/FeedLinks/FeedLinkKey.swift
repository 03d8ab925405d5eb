import Foundation

/// The key the pages derive their feed links from (``FeedLinks``), kept in a file of its own
/// beside the database (`telemed serve` uses `DB.feed-links.key`), readable by its owner only.
///
/// Not in the database: a copy of the database (a backup, an export sent for support) then holds
/// feed secrets as hashes only, and opens no feed. Kept across restarts, so the links people
/// subscribed to stay the ones their page shows; a lost key gives new links (the old ones keep
/// working until revoked, since their hashes stay stored).
///
/// ```swift
/// let key = try FeedLinkKey.loadOrCreate(at: "telemed.sqlite.feed-links.key")
/// let configuration = ServerConfiguration(feedLinkKey: key)
/// ```
public enum FeedLinkKey {
    /// 256 bits.
    public static let byteCount = 32

    public enum Failure: Error, CustomStringConvertible {
        case unwritable(path: String)
        case wrongSize(path: String, bytes: Int)

        public var description: String {
            switch self {
            case .unwritable(let path):
                "Cannot write the feed-link key \(path): check the folder's permissions."
            case .wrongSize(let path, let bytes):
                "The feed-link key \(path) holds \(bytes) bytes, not \(FeedLinkKey.byteCount): restore it from a "
                    + "backup, or delete it to make a new one (the pages' feed links will change)."
            }
        }
    }

    /// A fresh random key.
    public static func random() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The key in the file at `path`, or a new one written there (mode 0600) when there is no file.
    public static func loadOrCreate(at path: String) throws -> Data {
        if !FileManager.default.fileExists(atPath: path) {
            let created = FileManager.default.createFile(
                atPath: path, contents: random(), attributes: [.posixPermissions: 0o600])
            guard created else { throw Failure.unwritable(path: path) }
        }
        let key = try Data(contentsOf: URL(fileURLWithPath: path))
        guard key.count == byteCount else { throw Failure.wrongSize(path: path, bytes: key.count) }
        return key
    }
}
