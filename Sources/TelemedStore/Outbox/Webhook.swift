import Crypto
import Foundation
import TelemedCore

/// An integrator's endpoint: where events of the kinds it takes are POSTed, signed with its secret.
public struct Webhook: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var url: URL
    public var events: [NotificationKind]
    public var createdAt: Date

    public init(id: String, url: URL, events: [NotificationKind], createdAt: Date) {
        self.id = id
        self.url = url
        self.events = events
        self.createdAt = createdAt
    }
}

/// How webhook signing secrets are kept at rest. They sign every delivery, so unlike tokens they
/// cannot be hashed: the database holds them sealed with AES-GCM under the service's key file
/// (``KeyFile``, mode 0600), so that the database alone (a backup, a copy) reveals none.
public struct SecretSeal: Sendable {
    /// The key's bytes; `SymmetricKey` is not `Sendable`, so one is made for each use.
    private let bytes: Data

    /// `key`: the 32 bytes of a ``KeyFile``.
    public init(key: Data) {
        bytes = key
    }

    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    func seal(_ secret: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else {
            throw StoreError.sealFailed
        }
        return combined
    }

    func open(_ sealed: Data) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: Data(sealed))
            return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
        } catch {
            throw StoreError.sealFailed
        }
    }
}
