import Crypto
import Foundation
import TelemedCore
import TelemedStore

/// The feed link each site's or unit's page shows: the same on every view and, with the key kept
/// in a file (``FeedLinkKey``), after a restart, while the store still keeps feed secrets hashed
/// only.
///
/// A page's secret is derived, not drawn: HMAC-SHA-256 under the server's feed-link key of the
/// owner and a version number (64 hexadecimal characters, as random secrets are). A view reads the
/// secret's state by its hash; the first view ever of an owner stores the hash (one audited write,
/// ``TelemedDatabase/registerFeedSecret(_:for:actor:)``), later views write nothing. A revoked
/// secret stays revoked (its feed is a 404) and the page moves on to the next version, a new link.
/// The secrets made at setup (in the credentials file) stay valid beside it.
struct FeedLinks: Sendable {
    /// The key's bytes: swift-crypto's `SymmetricKey` is not `Sendable`.
    private let keyBytes: Data

    init(key: Data) {
        keyBytes = key
    }

    /// The secret of `owner`'s page link, stored (hashed) if it was not yet.
    func secret(for owner: TelemedDatabase.FeedOwner, in database: TelemedDatabase) throws -> String {
        var version = 0
        while true {
            let secret = derived(owner, version: version)
            switch try database.feedSecretState(secret) {
            case .active(let holder) where holder == owner:
                return secret
            case .unknown:
                try database.registerFeedSecret(secret, for: owner, actor: "pages")
                return secret
            case .active, .revoked:
                version += 1
            }
        }
    }

    /// Length-prefixed fields, so no two owners or versions sign the same bytes.
    func derived(_ owner: TelemedDatabase.FeedOwner, version: Int) -> String {
        let message = [owner.kindName, owner.ownerId, String(version)].map { "\($0.utf8.count):\($0)" }
        return Data(
            HMAC<SHA256>.authenticationCode(
                for: Data(("feed-link|" + message.joined(separator: "|")).utf8), using: SymmetricKey(data: keyBytes))
        ).lowercaseHex
    }
}
