import Crypto
import Foundation
import TelemedCore

/// Cross-site request forgery tokens: HMAC-SHA-256 under the server's secret key of the session
/// and the form's name. A page from another site cannot know the value (it never sees the key nor
/// the session), and a token taken from one form or one session is refused for another, so no
/// token needs to be stored.
///
/// ```swift
/// let csrf = CSRFToken(key: SymmetricKey(size: .bits256))
/// let value = csrf.value(session: sessionID, form: "demande")
/// csrf.isValid(postedValue, session: sessionID, form: "demande")  // true for `value`
/// ```
public struct CSRFToken: Sendable {
    /// The key's bytes: swift-crypto's `SymmetricKey` is not `Sendable`, and a page model crosses tasks.
    private let keyBytes: Data

    public init(key: SymmetricKey) {
        keyBytes = key.withUnsafeBytes { Data($0) }
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// 64 hexadecimal characters.
    public func value(session: String, form: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Self.message(session: session, form: form), using: key))
            .lowercaseHex
    }

    /// Whether `token` is this key's value for the session and form, compared in constant time.
    public func isValid(_ token: String, session: String, form: String) -> Bool {
        guard let code = Self.bytes(hex: token), code.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: Self.message(session: session, form: form), using: key)
    }

    /// Length-prefixed, so ("ab", "c") and ("a", "bc") never sign the same bytes.
    private static func message(session: String, form: String) -> Data {
        Data("\(session.utf8.count):\(session)|\(form)".utf8)
    }

    private static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var data = Data(capacity: digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
        }
        return data
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

/// What a page needs to protect its forms: the signer and the session the page is shown to. Each
/// form asks for its own value by name.
public struct FormProtection: Sendable {
    public var token: CSRFToken
    public var session: String

    /// The hidden field's name in every form.
    public static let fieldName = "csrf"

    public init(token: CSRFToken, session: String) {
        self.token = token
        self.session = session
    }

    public func value(form: String) -> String { token.value(session: session, form: form) }
}
