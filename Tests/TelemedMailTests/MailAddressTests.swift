import Testing

@testable import TelemedMail

@Suite("Mail addresses")
struct MailAddressTests {
    @Test("a plain address and one with a name are kept as given, the domain apart")
    func validAddresses() throws {
        let bare = try MailAddress("cadre.sante+dole@ehpad-les-tilleuls.example.fr")
        #expect(bare.address == "cadre.sante+dole@ehpad-les-tilleuls.example.fr")
        #expect(bare.displayName == nil)
        #expect(bare.domain == "ehpad-les-tilleuls.example.fr")
        let named = try MailAddress("o'neil@exemple.fr", displayName: "Élodie O’Neil")
        #expect(named.displayName == "Élodie O’Neil")
        #expect(try MailAddress("a@b.fr", displayName: "").displayName == nil)
    }

    @Test(
        "what is not exactly one ASCII addr-spec is refused with the reason",
        arguments: [
            ("", MailAddressError.empty),
            ("a@b.fr\r\nRCPT TO:<x@y.fr>", .controlCharacter("a@b.fr\r\nRCPT TO:<x@y.fr>")),
            ("a\0@b.fr", .controlCharacter("a\0@b.fr")),
            ("Jean <jean@b.fr>", .listOrBrackets("Jean <jean@b.fr>")),
            ("a@b.fr,c@d.fr", .listOrBrackets("a@b.fr,c@d.fr")),
            ("jean.exemple.fr", .notOneAddress("jean.exemple.fr")),
            ("a@b@c.fr", .notOneAddress("a@b@c.fr")),
            (".a@b.fr", .invalidLocalPart(".a@b.fr")),
            ("a..b@c.fr", .invalidLocalPart("a..b@c.fr")),
            ("a b@c.fr", .invalidLocalPart("a b@c.fr")),
            ("a@-b.fr", .invalidDomain("a@-b.fr")),
            ("a@b_c.fr", .invalidDomain("a@b_c.fr")),
            ("a@b..fr", .invalidDomain("a@b..fr")),
            ("a@", .invalidDomain("a@")),
            ("a@santé.fr", .nonASCII("a@santé.fr")),
        ])
    func invalidAddresses(text: String, expected: MailAddressError) {
        #expect(throws: expected) { try MailAddress(text) }
    }

    @Test("a local part over 64 characters and an address over 254 are refused")
    func lengths() {
        let local = String(repeating: "a", count: 65)
        #expect(throws: MailAddressError.invalidLocalPart("\(local)@b.fr")) { try MailAddress("\(local)@b.fr") }
        let domain = Array(repeating: String(repeating: "d", count: 60), count: 5).joined(separator: ".")
        #expect(throws: MailAddressError.tooLong("a@\(domain)")) { try MailAddress("a@\(domain)") }
    }

    @Test("a display name with a line break is refused")
    func displayNameInjection() {
        #expect(throws: MailAddressError.invalidDisplayName("Jean\r\nBcc: x@y.fr")) {
            try MailAddress("a@b.fr", displayName: "Jean\r\nBcc: x@y.fr")
        }
    }

    @Test("errors show control characters escaped, on one line")
    func readableErrors() {
        let description = MailAddressError.controlCharacter("a@b.fr\r\nX").description
        #expect(description.contains(#"a@b.fr\r\nX"#))
        #expect(!description.contains("\n"))
    }
}
