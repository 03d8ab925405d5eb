import Foundation
import Testing

/// End to end: the real `telemed serve` binary, over HTTP.
@Suite("telemed serve", .serialized)
struct ServeCommandTests {
    static let ehpad = "E-58-0001"
    static let townPoint = "T-58-0001"

    static func dermatology(patient: String) -> String {
        #"{"siteId": "\#(ehpad)", "patientRef": "\#(patient)", "specialty": "dermatology", "mode": "live", "#
            + #""urgency": "soon", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30, "#
            + #""consent": {"givenBy": "resident", "recordedOn": "2027-03-15"}}"#
    }

    /// The unfolded lines of the VEVENT whose UID is `uid`.
    static func event(_ uid: String, in feed: String) -> [String]? {
        let lines = feed.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        guard let uidLine = lines.firstIndex(of: "UID:\(uid)") else { return nil }
        let start = lines[..<uidLine].lastIndex(of: "BEGIN:VEVENT")!
        let end = lines[uidLine...].firstIndex(of: "END:VEVENT")!
        return Array(lines[start...end])
    }

    @Test("book, collide, cancel and reschedule over HTTP; the site and unit feeds follow; 304, 401, 403")
    func bookingOverHTTP() async throws {
        let server = try RunningServer()
        let staff = try #require(server.credentials.siteTokens[Self.ehpad])
        let townStaff = try #require(server.credentials.siteTokens[Self.townPoint])
        let siteFeed = server.credentials.feedPath("site", Self.ehpad)
        let unitFeed = server.credentials.feedPath("unit", "U-58")

        let firstFeed = try await server.send("GET", siteFeed)
        #expect(firstFeed.status == 200)
        #expect(firstFeed.header("Content-Type") == "text/calendar; charset=utf-8")
        let etag = try #require(firstFeed.header("ETag"))
        #expect(try await server.send("GET", siteFeed, headers: ["If-None-Match": etag]).status == 304)
        let unitETag = try #require(try await server.send("GET", unitFeed).header("ETag"))

        // Two requests offered the same first slot: one booking wins, the other collides.
        var offers: [[[String: Any]]] = []
        for patient in ["P-E2E-1", "P-E2E-2"] {
            let reply = try await server.send(
                "POST", "/api/v1/requests", token: staff, json: Self.dermatology(patient: patient))
            #expect(reply.status == 201, "\(reply.text)")
            offers.append(try #require(try reply.json()["proposals"] as? [[String: Any]]))
        }
        let winner = try await server.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(offers[0][0]["id"]!)"}"#)
        #expect(winner.status == 201, "\(winner.text)")
        let bookingId = try #require(try winner.json()["id"] as? String)
        let loser = try await server.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(offers[1][0]["id"]!)"}"#)
        #expect(loser.status == 409)
        #expect(loser.header("Content-Type") == "application/problem+json")
        #expect(loser.text.contains(bookingId))
        let again = try await server.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(offers[0][0]["id"]!)"}"#)
        #expect(again.status == 409)

        // The site feed shows the booking at once.
        let booked = try await server.send("GET", siteFeed, headers: ["If-None-Match": etag])
        #expect(booked.status == 200)
        let uid = "booking-\(bookingId)-site@telemed"
        #expect(Self.event(uid, in: booked.text)?.contains("SEQUENCE:1") == true)

        // Cancel: same UID, higher SEQUENCE, STATUS:CANCELLED.
        let cancelled = try await server.send("POST", "/api/v1/bookings/\(bookingId)/cancel", token: staff)
        #expect(cancelled.status == 200)
        let afterCancel = try await server.send("GET", siteFeed)
        let cancelledEvent = try #require(Self.event(uid, in: afterCancel.text))
        #expect(cancelledEvent.contains("SEQUENCE:2"))
        #expect(cancelledEvent.contains("STATUS:CANCELLED"))

        // Reschedule: book again, ask to move, book the move: the old booking is cancelled.
        let offer = try await server.send(
            "POST", "/api/v1/requests", token: staff, json: Self.dermatology(patient: "P-E2E-3"))
        let proposal = try #require((try offer.json()["proposals"] as? [[String: Any]])?.first?["id"] as? String)
        let original = try await server.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(proposal)"}"#)
        let originalId = try #require(try original.json()["id"] as? String)
        let moves = try await server.send("POST", "/api/v1/bookings/\(originalId)/reschedule", token: staff)
        #expect(moves.status == 201)
        let move = try #require((try moves.json()["proposals"] as? [[String: Any]])?.first?["id"] as? String)
        let moved = try await server.send(
            "POST", "/api/v1/bookings", token: staff, json: #"{"proposalId": "\#(move)"}"#)
        #expect(moved.status == 201, "\(moved.text)")
        let old = try await server.send("GET", "/api/v1/bookings/\(originalId)", token: staff)
        #expect(try old.json()["status"] as? String == "cancelled")

        // A unit-hosted booking (crew work at the town point) changes the unit's route feed.
        let crew = try await server.send(
            "POST", "/api/v1/requests", token: townStaff,
            json: #"{"siteId": "\#(Self.townPoint)", "patientRef": "P-E2E-4", "specialty": "screening", "#
                + #""mode": "crew", "urgency": "routine", "requiredEquipment": ["retinalCamera"], "durationMinutes": 30}"#
        )
        #expect(crew.status == 201, "\(crew.text)")
        let crewProposal = try #require(
            (try crew.json()["proposals"] as? [[String: Any]])?.first?["id"] as? String, "\(crew.text)")
        let crewBooking = try await server.send(
            "POST", "/api/v1/bookings", token: townStaff, json: #"{"proposalId": "\#(crewProposal)"}"#)
        #expect(crewBooking.status == 201, "\(crewBooking.text)")
        let routeFeed = try await server.send("GET", unitFeed, headers: ["If-None-Match": unitETag])
        #expect(routeFeed.status == 200)
        #expect(routeFeed.header("ETag") != unitETag)

        // Roles: no token, another site's token.
        #expect(try await server.send("GET", "/api/v1/sites/\(Self.ehpad)/bookings").status == 401)
        #expect(try await server.send("GET", "/api/v1/sites/\(Self.ehpad)/bookings", token: townStaff).status == 403)
        let foreign = try await server.send(
            "POST", "/api/v1/requests", token: townStaff, json: Self.dermatology(patient: "P-E2E-5"))
        #expect(foreign.status == 403)
        let own = try await server.send(
            "GET", "/api/v1/sites/\(Self.ehpad)/bookings?from=2027-03-22&to=2027-04-02", token: staff)
        #expect(own.status == 200)

        #expect(server.stop() == 0, "SIGTERM stops the server gracefully")
        let check = try TelemedProcess.run(["db", "check", "--db", server.database.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(!log.contains("P-E2E"), "no patient reference in the logs")
    }

    @Test("token create prints the token last; it works until revoked")
    func tokens() async throws {
        let server = try RunningServer(environment: ["TELEMED_ADMIN_TOKEN": "scripted-admin-token-0123456789"])
        #expect(server.credentials.adminToken == nil)
        #expect(
            try await server.send("GET", "/api/v1/plans/none", token: "scripted-admin-token-0123456789").status == 404)
        let created = try TelemedProcess.run(
            ["token", "create", "--db", server.database.path, "--role", "site:\(Self.townPoint)"])
        #expect(created.status == 0)
        let token = try #require(created.standardOutput.split(whereSeparator: \.isWhitespace).last.map(String.init))
        let path = "/api/v1/sites/\(Self.townPoint)/bookings"
        #expect(try await server.send("GET", path, token: token).status == 200)
        let revoked = try TelemedProcess.run(["token", "revoke", "--db", server.database.path, token])
        #expect(revoked.status == 0)
        #expect(try await server.send("GET", path, token: token).status == 401)
        #expect(try TelemedProcess.run(["token", "revoke", "--db", server.database.path, token]).status == 1)
        #expect(
            try TelemedProcess.run(["token", "create", "--db", server.database.path, "--role", "boss"]).status != 0)
        #expect(server.stop() == 0)
    }
}
