import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("API tokens and feed secrets")
struct AccessTests {
    @Test(
        "secrets are kept as their SHA-256, lowercase hex (FIPS 180-4 test vectors)",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func secretHash(_ input: String, _ expected: String) {
        #expect(SecretHash.of(input) == expected)
    }

    @Test(
        "a token is stored as its hash only, gives its role, and stops working once revoked",
        arguments: StoreBackend.allCases)
    func tokens(_ backend: StoreBackend) throws {
        let database = try backend.open()
        let token = try database.createToken(role: .site("E-58-0001"), actor: "admin")
        #expect(try database.role(forToken: token) == .site("E-58-0001"))
        #expect(try database.role(forToken: token + "x") == nil)
        let stored = try database.database.read {
            try $0.fetchAll(String.self, sql: "SELECT tokenHash || role FROM apiTokens")
        }
        #expect(stored.count == 1 && !stored[0].contains(token))
        let audited = try database.database.read {
            try $0.fetchAll(String.self, sql: "SELECT action FROM auditLog ORDER BY id")
        }
        #expect(try database.revokeToken(token, actor: "admin"))
        #expect(try database.role(forToken: token) == nil)
        #expect(try !database.revokeToken(token, actor: "admin"))
        #expect(audited == ["token.create"])
        #expect(
            try database.registerToken(token, role: .admin, actor: "admin") == false, "a revoked token stays revoked")
        #expect(try database.role(forToken: token) == nil)
    }

    @Test("metadata values are set, replaced and read back", arguments: StoreBackend.allCases)
    func metadata(_ backend: StoreBackend) throws {
        let database = try backend.open()
        #expect(try database.metadataValue(forKey: "region") == nil)
        try database.setMetadataValue("27", forKey: "region")
        try database.setMetadataValue("Bourgogne-Franche-Comté", forKey: "region")
        #expect(try database.metadataValue(forKey: "region") == "Bourgogne-Franche-Comté")
        #expect(throws: StoreError.invalidText(field: "value")) { try database.setMetadataValue("a\u{0}", forKey: "k") }
    }

    @Test("roles parse from and print as their text")
    func roles() {
        for text in ["admin", "planner", "site:E-58-0001", "unit:U-01", "specialist:SP-0002"] {
            #expect(AccessRole(text)?.description == text)
        }
        for text in ["root", "site:", "site", "customer:1"] { #expect(AccessRole(text) == nil) }
    }

    @Test("feed secrets name their owner until revoked, each on its own", arguments: StoreBackend.allCases)
    func feedSecrets(_ backend: StoreBackend) throws {
        let database = try backend.open()
        let first = try database.createFeedSecret(for: .unit("U-01"), actor: "planner")
        let second = try database.createFeedSecret(for: .unit("U-01"), actor: "planner")
        #expect(first != second)
        #expect(try database.feedOwner(forSecret: first) == .unit("U-01"))
        #expect(try database.revokeFeedSecret(first, actor: "planner"))
        #expect(try database.feedOwner(forSecret: first) == nil)
        #expect(try database.feedOwner(forSecret: second) == .unit("U-01"))
        #expect(try database.feedSecretState(first) == .revoked)
        #expect(try database.feedSecretState(second) == .active(.unit("U-01")))
    }

    @Test("a secret made by the caller is stored once, audited, and once revoked is never stored again")
    func registeredFeedSecret() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let secret = String(repeating: "5a", count: 32)
        #expect(try database.feedSecretState(secret) == .unknown)
        #expect(try database.registerFeedSecret(secret, for: .site("E-1"), actor: "pages"))
        let generation = try database.changeGeneration()
        #expect(try database.feedSecretState(secret) == .active(.site("E-1")))
        #expect(try database.registerFeedSecret(secret, for: .site("E-1"), actor: "pages") == false)
        #expect(try database.changeGeneration() == generation, "a known secret is stored once")
        #expect(try database.revokeFeedSecret(secret, actor: "planner"))
        #expect(try database.registerFeedSecret(secret, for: .site("E-1"), actor: "pages") == false)
        #expect(try database.feedSecretState(secret) == .revoked)
        #expect(try database.feedOwner(forSecret: secret) == nil)
        for weak in ["abc", String(repeating: "G", count: 64), String(repeating: "A", count: 64)] {
            #expect(throws: StoreError.weakFeedSecret) {
                try database.registerFeedSecret(weak, for: .site("E-1"), actor: "pages")
            }
        }
    }
}
