import Crypto
import Foundation
import Testing

@testable import TelemedPages

@Suite("CSRF tokens: HMAC-SHA-256 of the session and the form")
struct CSRFTokenTests {
    let key = SymmetricKey(data: Data((0..<32).map { UInt8($0) }))

    @Test("a token made for a session and a form is accepted for them, and is 64 hex digits")
    func roundTrip() {
        let csrf = CSRFToken(key: key)
        let value = csrf.value(session: "s-1", form: "demande")
        #expect(value.count == 64 && value.allSatisfy(\.isHexDigit))
        #expect(csrf.isValid(value, session: "s-1", form: "demande"))
        #expect(
            value == CSRFToken(key: key).value(session: "s-1", form: "demande"), "no state: the same inputs sign alike")
    }

    @Test("a token is refused for another session, another form, another key, or once altered")
    func refusals() {
        let csrf = CSRFToken(key: key)
        let value = csrf.value(session: "s-1", form: "demande")
        #expect(!csrf.isValid(value, session: "s-2", form: "demande"))
        #expect(!csrf.isValid(value, session: "s-1", form: "annuler"))
        #expect(!CSRFToken(key: SymmetricKey(size: .bits256)).isValid(value, session: "s-1", form: "demande"))
        let altered = String(value.dropLast()) + (value.last == "0" ? "1" : "0")
        #expect(!csrf.isValid(altered, session: "s-1", form: "demande"))
        #expect(!csrf.isValid("", session: "s-1", form: "demande"))
        #expect(!csrf.isValid(value.uppercased() + "zz", session: "s-1", form: "demande"))
    }

    @Test("session and form names cannot be shifted into each other")
    func boundaries() {
        let csrf = CSRFToken(key: key)
        #expect(csrf.value(session: "ab", form: "c") != csrf.value(session: "a", form: "bc"))
    }
}
