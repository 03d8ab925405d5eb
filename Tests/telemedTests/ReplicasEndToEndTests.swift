import Foundation
import TelemedTestSupport
import Testing

/// Two real `telemed serve` processes on one throwaway PostgreSQL database, as behind a load
/// balancer: they set the region up once, refuse the second of two colliding bookings made
/// through each at the same moment, show each other's bookings in their feeds, roll once.
@Suite("replicas on PostgreSQL end to end", .serialized)
struct ReplicasEndToEndTests {
    /// A day after the fixture's first (2027-03-22): each replica, at start-up, finds the window
    /// behind and would roll it.
    static let now = "2027-03-23T08:00:00+01:00"

    @Test("set up once, one of two colliding bookings wins, feeds follow the other replica, the roll runs once")
    func twoReplicas() async throws {
        let cluster = try PostgresTestCluster.shared()
        let address = try cluster.makeDatabase("replicas")
        let credentials = TelemedProcess.temporaryFile("replicas-credentials.json")
        try FileManager.default.createDirectory(
            at: credentials.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Started together: each waits for the other's set-up or does it.
        async let startedFirst = Self.start(address, credentials)
        async let startedSecond = Self.start(address, credentials)
        let (first, second) = try await (startedFirst, startedSecond)
        defer {
            _ = first.stop()
            _ = second.stop()
        }
        #expect(try cluster.query(address, "SELECT COUNT(*) FROM auditLog WHERE action = 'scenario.import'") == ["1"])
        #expect(
            try cluster.query(address, "SELECT entityId FROM auditLog WHERE action = 'window.roll' ORDER BY id")
                == ["2027-03-23"])

        // Two requests offered the same first slot, each booked through its own replica at once.
        let staff = try #require(first.credentials.siteTokens[ServeCommandTests.ehpad])
        var offers: [[String: Any]] = []
        for (server, patient) in [(first, "P-REPLICA-1"), (second, "P-REPLICA-2")] {
            let reply = try await server.send(
                "POST", "/api/v1/requests", token: staff, json: ServeCommandTests.dermatology(patient: patient))
            #expect(reply.status == 201, "\(reply.text)")
            offers.append(try #require((try reply.json()["proposals"] as? [[String: Any]])?.first))
        }
        #expect(offers[0]["start"] as? String == offers[1]["start"] as? String)
        #expect(offers[0]["specialistId"] as? String == offers[1]["specialistId"] as? String)
        let proposals = try offers.map { try #require($0["id"] as? String) }
        async let bookedFirst = first.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(proposals[0])"}"#)
        async let bookedSecond = second.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(proposals[1])"}"#)
        let replies = try await [bookedFirst, bookedSecond]
        #expect(replies.map(\.status).sorted() == [201, 409], "\(replies.map(\.text))")
        let winner = try #require(replies.first { $0.status == 201 })
        let bookingId = try #require(try winner.json()["id"] as? String)
        let other = replies[0].status == 201 ? second : first

        // The other replica's site feed shows it within a second.
        let feed = first.credentials.feedPath("site", ServeCommandTests.ehpad)
        let uid = "booking-\(bookingId)-site@telemed"
        let asked = ContinuousClock.now
        var shown = false
        while !shown && ContinuousClock.now - asked < .seconds(1) {
            shown = ServeCommandTests.event(uid, in: try await other.send("GET", feed).text) != nil
            if !shown { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(shown, "booking \(bookingId) not in the other replica's feed within 1 s")

        // Signed in through one replica, the browser is signed in on the other; a form served by
        // one is accepted by the other (sign-out), which ends the session on both.
        let browser = PageVisitor(base: first.baseURL)
        let home = try #require(try browser.signIn(staff).location)
        #expect(try browser.get(home).status == 200)
        let elsewhere = PageVisitor(base: second.baseURL, cookie: browser.cookie)
        #expect(try elsewhere.get(home).status == 200)
        let signOutPage = try browser.get("/deconnexion")
        let signedOut = try elsewhere.post("/deconnexion", fields: [], csrfFrom: signOutPage.body)
        #expect(signedOut.status == 303, "\(signedOut.body)")
        #expect(try browser.get(home).status != 200)
        #expect(try cluster.query(address, "SELECT COUNT(*) FROM auditLog WHERE action = 'window.roll'") == ["1"])
    }

    private static func start(_ address: String, _ credentials: URL) async throws -> RunningServer {
        try await Task.detached {
            try RunningServer(extraArguments: ["--now", now], postgres: address, credentials: credentials)
        }.value
    }
}
