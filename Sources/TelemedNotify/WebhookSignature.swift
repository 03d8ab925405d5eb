import Crypto
import Foundation
import TelemedCore

/// The `Telemed-Signature` header of a webhook delivery, as Stripe signs its own: `t=<unix time>,
/// v1=<hex HMAC-SHA256 of "t.body" under the endpoint's secret>`. The receiver recomputes the
/// HMAC over the raw body it got and the `t` it was given, compares in constant time, and refuses
/// a `t` too old (a replayed capture).
///
/// ```swift
/// let header = WebhookSignature.header(for: body, secret: "whsec_…", at: now)
/// ```
public enum WebhookSignature {
    public static func header(for body: Data, secret: String, at instant: Date) -> String {
        let timestamp = Int(instant.timeIntervalSince1970.rounded(.down))
        return "t=\(timestamp),v1=\(signature(for: body, secret: secret, timestamp: timestamp))"
    }

    static func signature(for body: Data, secret: String, timestamp: Int) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return Data(code).lowercaseHex
    }
}
