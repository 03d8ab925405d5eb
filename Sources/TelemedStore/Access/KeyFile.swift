import Foundation

/// A 256-bit key kept in a file of its own beside the database, readable by its owner only (mode
/// 0600): the pages' feed-link key and the key that seals webhook signing secrets. Not in the
/// database, so a copy of the database (a backup, an export sent for support) opens nothing.
///
/// ```swift
/// let key = try KeyFile.loadOrCreate(at: "telemed.sqlite.webhooks.key", purpose: .webhookSecrets)
/// ```
public enum KeyFile {
    /// 256 bits.
    public static let byteCount = 32

    /// What a key serves, for the messages of a key file that cannot be used.
    public struct Purpose: Sendable {
        public var name: String
        /// What happens when the file is deleted and a new key made.
        public var consequence: String

        public static let feedLinks = Purpose(
            name: "feed-link key", consequence: "the pages' feed links will change")
        public static let webhookSecrets = Purpose(
            name: "webhook key", consequence: "every webhook must be added again, with a new signing secret")
    }

    public enum Failure: Error, CustomStringConvertible {
        case unwritable(path: String, purpose: String)
        case wrongSize(path: String, bytes: Int, purpose: String, consequence: String)

        public var description: String {
            switch self {
            case .unwritable(let path, let purpose):
                "Cannot write the \(purpose) \(path): check the folder's permissions."
            case .wrongSize(let path, let bytes, let purpose, let consequence):
                "The \(purpose) \(path) holds \(bytes) bytes, not \(KeyFile.byteCount): restore it from a backup, "
                    + "or delete it to make a new one (\(consequence))."
            }
        }
    }

    /// A fresh random key.
    public static func random() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The key in the file at `path`, or a new one written there (mode 0600) when there is no file.
    public static func loadOrCreate(at path: String, purpose: Purpose) throws -> Data {
        if !FileManager.default.fileExists(atPath: path) {
            let created = FileManager.default.createFile(
                atPath: path, contents: random(), attributes: [.posixPermissions: 0o600])
            guard created else { throw Failure.unwritable(path: path, purpose: purpose.name) }
        }
        let key = try Data(contentsOf: URL(fileURLWithPath: path))
        guard key.count == byteCount else {
            throw Failure.wrongSize(
                path: path, bytes: key.count, purpose: purpose.name, consequence: purpose.consequence)
        }
        return key
    }
}
