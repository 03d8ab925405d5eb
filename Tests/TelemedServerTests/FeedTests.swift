import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Feeds")
struct FeedTests {
    @Test("a feed has its media type, ETag and Last-Modified; If-None-Match gives 304 until a booking changes it")
    func revalidation() async throws {
        let fixture = try ServerFixture()
        let feed = fixture.feed("site", ServerFixture.ehpad)
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let etag = try await client.execute(uri: feed.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.lastModified]?.hasSuffix(" GMT") == true)
                #expect(String(buffer: response.body).hasPrefix("BEGIN:VCALENDAR"))
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: feed.path, method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            let offer = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest()
            ) { try $0.decode(ProposalsBody.self) }
            let booking = try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offer.proposals[0].id)"}"#)
            ) { try $0.decode(BookingBody.self) }
            try await client.execute(uri: feed.path, method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
                #expect(String(buffer: response.body).contains("booking-\(booking.id)-site@telemed"))
            }
        }
    }

    @Test("a revoked or unknown secret is a 404 that does not echo it, even after the feed was cached")
    func revoked() async throws {
        let fixture = try ServerFixture()
        let feed = fixture.feed("unit", "U-58")
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: feed.path, method: .get) { #expect($0.status == .ok) }
            try fixture.database.revokeFeedSecret(feed.secret, actor: "test")
            for path in [feed.path, "/feeds/\(String(repeating: "0", count: 64)).ics", "/feeds/\(feed.secret)"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(!String(buffer: response.body).contains(feed.secret))
                }
            }
        }
    }

    @Test("hostile text is stored as given and cannot add a property to a feed; line breaks in a reference are a 400")
    func hostileText() async throws {
        let fixture = try ServerFixture()
        let admin = ServerFixture.bearer(fixture.credentials.adminToken!, json: true)
        let hostile = #"P-1;DESCRIPTION:injected,END:VEVENT'); DROP TABLE bookings;--\""#
        let notes = #"a\r\nDESCRIPTION:injected\r\nEND:VEVENT"#
        try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: admin,
                body: ServerFixture.dermatologyRequest(patient: #"P-2\r\nDESCRIPTION:x"#)
            ) { response in
                let problem = try response.decode(ProblemBody.self)
                #expect(response.status == .badRequest)
                #expect(problem.detail.contains("patientRef"))
            }
            let offer = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: admin,
                body: ServerFixture.dermatologyRequest(patient: hostile, extra: #", "notes": "\#(notes)""#)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                return try response.decode(ProposalsBody.self)
            }
            #expect(
                try fixture.database.request(id: .init(rawValue: offer.requestId))?.patientRef
                    == #"P-1;DESCRIPTION:injected,END:VEVENT'); DROP TABLE bookings;--""#)
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: admin,
                body: ByteBuffer(string: #"{"proposalId": "\#(offer.proposals[0].id)"}"#)
            ) { #expect($0.status == .created) }
            let feed = fixture.feed("specialist", "S-01")
            try await client.execute(uri: feed.path, method: .get) { response in
                let text = String(buffer: response.body).replacingOccurrences(of: "\r\n ", with: "")
                let lines = text.components(separatedBy: "\r\n")
                #expect(text.contains(#"P-1\;DESCRIPTION:injected\,END:VEVENT')\; DROP TABLE bookings\;--""#))
                #expect(!lines.contains { $0.hasPrefix("DESCRIPTION:injected") })
                #expect(lines.filter { $0 == "END:VEVENT" }.count == lines.filter { $0 == "BEGIN:VEVENT" }.count)
            }
        }
    }
}

@Suite("Feeds after the window rolls")
struct FeedPastTests {
    @Test("a session stays in its site's feed for 30 days after the roll made it history, then leaves it")
    func pastMonthKept() async throws {
        let fixture = try ServerFixture()
        let booking = try fixture.confirmedBooking(at: ServerFixture.ehpad)
        let day = WallClock.paris.localDate(of: booking.start)
        let feed = fixture.feed("site", ServerFixture.ehpad)
        let uid = "booking-\(booking.id)-site@telemed"
        let roller = WindowRoller(database: fixture.database, seed: 1)
        try await fixture.app().test(.router) { client in
            try roller.roll(to: day.adding(days: 2))
            #expect(try fixture.database.schedule().scenario.bookings.allSatisfy { $0.id != booking.id })
            try await client.execute(uri: feed.path, method: .get) { response in
                #expect(String(buffer: response.body).contains(uid), "yesterday's session is still in the feed")
            }
            try roller.roll(to: day.adding(days: 31))
            try await client.execute(uri: feed.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains(uid), "a month on, the feed no longer carries it")
            }
        }
    }
}
