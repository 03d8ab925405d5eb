import Foundation
import TelemedStore

/// The key the pages derive their feed links from (``FeedLinks``), kept in a ``KeyFile`` beside
/// the database (`telemed serve` uses `DB.feed-links.key`). Kept across restarts, so the links
/// people subscribed to stay the ones their page shows; a lost key gives new links (the old ones
/// keep working until revoked, since their hashes stay stored).
///
/// ```swift
/// let key = try FeedLinkKey.loadOrCreate(at: "telemed.sqlite.feed-links.key")
/// let configuration = ServerConfiguration(feedLinkKey: key)
/// ```
public enum FeedLinkKey {
    public static let byteCount = KeyFile.byteCount
    public typealias Failure = KeyFile.Failure

    public static func random() -> Data { KeyFile.random() }

    /// The key in the file at `path`, or a new one written there (mode 0600) when there is no file.
    public static func loadOrCreate(at path: String) throws -> Data {
        try KeyFile.loadOrCreate(at: path, purpose: .feedLinks)
    }
}
