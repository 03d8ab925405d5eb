import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Booking flow")
struct BookingFlowTests {
    @Test("two requests offered the same slot: the first booking wins, the second is a 409 naming it")
    func collision() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            var offers: [ProposalsBody] = []
            for patient in ["P-A", "P-B"] {
                try await client.execute(
                    uri: "/api/v1/requests", method: .post, headers: staff,
                    body: ServerFixture.dermatologyRequest(patient: patient)
                ) { response in
                    #expect(response.status == .created)
                    offers.append(try response.decode(ProposalsBody.self))
                }
            }
            #expect(offers[0].proposals[0].start == offers[1].proposals[0].start)
            let first = try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offers[0].proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .created)
                let booking = try response.decode(BookingBody.self)
                #expect(response.headers[.location] == "/api/v1/bookings/\(booking.id)")
                #expect(booking.status == "confirmed")
                return booking
            }
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offers[1].proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let problem = try response.decode(ProblemBody.self)
                #expect(problem.collisions?.contains { $0.otherBookingIds.contains(first.id) } == true)
            }
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offers[0].proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .conflict, "the same proposal booked twice")
            }
        }
    }

    @Test("bookings posted at once for the same slot go through one group commit: exactly one wins")
    func concurrentCollision() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            var offered: [ProposalsBody] = []
            for patient in (1...6).map({ "P-RACE-\($0)" }) {
                try await client.execute(
                    uri: "/api/v1/requests", method: .post, headers: staff,
                    body: ServerFixture.dermatologyRequest(patient: patient)
                ) { response in offered.append(try response.decode(ProposalsBody.self)) }
            }
            // Each request is offered the same best slot: only one of them can have it.
            try #require(Set(offered.map(\.proposals[0].start)).count == 1)
            let proposalIds = offered.map(\.proposals[0].id)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for id in proposalIds {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/bookings", method: .post, headers: staff,
                            body: ByteBuffer(string: #"{"proposalId": "\#(id)"}"#)
                        ) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == proposalIds.count - 1)
        }
        #expect(try fixture.database.check().isValid)
    }

    @Test("a reschedule keeps the booking until a new proposal is booked, then cancels it")
    func reschedule() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let offer = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest()
            ) { try $0.decode(ProposalsBody.self) }
            let booked = try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offer.proposals[0].id)"}"#)
            ) { try $0.decode(BookingBody.self) }
            let moved = try await client.execute(
                uri: "/api/v1/bookings/\(booked.id)/reschedule", method: .post, headers: staff
            ) { response in
                #expect(response.status == .created)
                return try response.decode(ProposalsBody.self)
            }
            #expect(moved.replacesBookingId == booked.id)
            #expect(moved.requestId == offer.requestId)
            #expect(
                try fixture.database.schedule().scenario.bookings.first { $0.id.rawValue == booked.id }?.status
                    == .confirmed)
            let replacement = try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(moved.proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .created)
                return try response.decode(BookingBody.self)
            }
            #expect(replacement.start != booked.start)
            try await client.execute(uri: "/api/v1/bookings/\(booked.id)", method: .get, headers: staff) { response in
                let old = try response.decode(BookingBody.self)
                #expect(old.status == "cancelled")
                #expect(old.version == booked.version + 1)
            }
            try await client.execute(
                uri: "/api/v1/bookings/\(booked.id)/cancel", method: .post, headers: staff
            ) { response in
                #expect(response.status == .conflict, "a cancelled booking cannot be cancelled again")
            }
        }
    }

    @Test("a proposal is kept in the store: another application on the same database books it after a restart")
    func proposalSurvivesRestart() async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        let offer = try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest()
            ) { try $0.decode(ProposalsBody.self) }
        }
        try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offer.proposals[0].id)"}"#)
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test("an expired proposal is a 410 and books nothing")
    func expiredProposal() async throws {
        let fixture = try ServerFixture(configuration: ServerConfiguration(port: 0, proposalLifetime: .zero))
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let offer = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest()
            ) { try $0.decode(ProposalsBody.self) }
            let generation = try fixture.database.changeGeneration()
            try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(offer.proposals[0].id)"}"#)
            ) { response in
                let problem = try response.decode(ProblemBody.self)
                #expect(response.status == .gone)
                #expect(problem.detail.contains("expired"))
            }
            #expect(try fixture.database.changeGeneration() == generation)
        }
    }
}
