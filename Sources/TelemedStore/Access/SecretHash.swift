import Crypto
import Foundation
import TelemedCore

/// How API tokens and feed secrets are kept at rest: their SHA-256 (swift-crypto), lowercase hex.
/// The secrets themselves are 256-bit random values, so a plain digest (no salt, no stretching)
/// is as strong as the secret and lets a request be looked up by the hash of what it presents.
enum SecretHash {
    static func of(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).lowercaseHex
    }
}
