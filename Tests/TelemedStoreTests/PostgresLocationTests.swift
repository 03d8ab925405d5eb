import Testing

@testable import TelemedStore

@Suite("PostgreSQL addresses")
struct PostgresLocationTests {
    @Test("an address with every part")
    func full() throws {
        let location = try PostgresLocation(
            "postgres://planner:s3cr%40t@db.example.org:6543/telemed?sslmode=verify-full")
        #expect(
            location
                == PostgresLocation(
                    host: "db.example.org", port: 6543, user: "planner", password: "s3cr@t", database: "telemed",
                    tls: .verifyFull))
        #expect(location.description == "postgres://planner@db.example.org:6543/telemed?sslmode=verify-full")
    }

    @Test("the password from PGPASSWORD, the default port and TLS mode")
    func defaults() throws {
        let location = try PostgresLocation("postgresql://telemed@localhost/regions", environment: ["PGPASSWORD": "pw"])
        #expect(location == PostgresLocation(host: "localhost", user: "telemed", password: "pw", database: "regions"))
        let own = try PostgresLocation("postgres://telemed:mine@localhost/regions", environment: ["PGPASSWORD": "pw"])
        #expect(own.password == "mine")
    }

    @Test(
        "a malformed address is refused with a reason and without its password",
        arguments: [
            "postgres://localhost/db", "postgres://u:pw@/db", "postgres://u:pw@host", "postgres://u:pw@host/a/b",
            "postgres://u:pw@host/db?sslmode=sometimes", "postgres://u:pw@host/db?timeout=3",
            "postgres://u:pw@host:99999/db",
            "mysql://u:pw@host/db",
        ])
    func malformed(_ text: String) {
        #expect {
            _ = try PostgresLocation(text)
        } throws: { error in
            let message = String(describing: error)
            return message.contains("cannot use the PostgreSQL address") && !message.contains("pw")
        }
    }
}
