import Testing

@testable import TelemedCore

/// Contact addresses go into mail headers: anything that could split a header or name a second
/// recipient is refused where the scenario is read.
@Suite("Contact addresses")
struct ContactAddressTests {
    @Test(
        "plain addresses pass",
        arguments: [
            "accueil@ehpad-les-tilleuls.example.org", "dr.fournier+telemed@example.org", "equipe.u-01@example.org",
            "a@b.fr",
        ])
    func plainAddresses(address: String) {
        #expect(ContactAddress.problem(with: address) == nil)
    }

    @Test(
        "what could break a header or is not an address is refused",
        arguments: [
            "", "accueil", "accueil@", "@example.org", "accueil@ehpad", "a@@example.org", "a b@example.org",
            "a@example.org\r\nBcc: x@evil.example", "Accueil <a@example.org>", "a@example.org, b@example.org",
            "\"quoted\"@example.org", "a..b@example.org", "a@-example.org", "a@example..org", "é@example.org",
            "a@[192.0.2.1]", String(repeating: "a", count: 65) + "@example.org",
        ])
    func refused(address: String) {
        #expect(ContactAddress.problem(with: address) != nil, "\(address)")
    }

    @Test("a control character is shown escaped in the message")
    func escaped() throws {
        let problem = try #require(ContactAddress.problem(with: "accueil\r\n@x"))
        #expect(!problem.contains("\r") && !problem.contains("\n"))
    }

    @Test("validation reports a bad address at its path, for sites, specialists and units")
    func validation() throws {
        var scenario = try SmallScenario.load()
        scenario.sites[1].email = "accueil@ehpad"
        scenario.specialists[0].email = "dr fournier@example.org"
        scenario.units[0].email = "equipe@example.org\nBcc: x@example.org"
        let paths = ScenarioValidator().validate(scenario).map(\.path.description)
        #expect(paths == ["sites[1].email", "specialists[0].email", "units[0].email"])
    }
}
