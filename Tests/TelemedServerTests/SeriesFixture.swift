import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// Care series on the server fixture, whose only dermatologist works Monday and Friday mornings
/// (9:00 to 12:00 at the EHPAD): 2027-03-22, 26 and 04-02 (Monday 29 is Easter Monday). A
/// series every 4 to 7 days fits Monday 22 → Friday 26 → Friday 2 April.
enum SeriesFixture {
    static let monday = try! LocalDate("2027-03-22")
    static let friday = try! LocalDate("2027-03-26")
    static let nextFriday = try! LocalDate("2027-04-02")

    /// A dermatology request at the EHPAD with `"series": {…}` (`series` is the object's members).
    static func request(patient: String = "P-SERIES-1", series: String, extra: String = "") -> ByteBuffer {
        ServerFixture.dermatologyRequest(patient: patient, extra: #", "series": {\#(series)}"# + extra)
    }

    /// Posts `body` to `POST /api/v1/requests` as the EHPAD's staff.
    static func ask(
        _ client: some TestClientProtocol, _ fixture: ServerFixture, _ body: ByteBuffer
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/requests", method: .post,
            headers: ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true), body: body)
    }

    /// Books proposal `id` through the API as the EHPAD's staff.
    static func book(
        _ client: some TestClientProtocol, _ fixture: ServerFixture, proposal id: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/bookings", method: .post,
            headers: ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true),
            body: ByteBuffer(string: #"{"proposalId": "\#(id)"}"#))
    }

    /// Books `request` with the dermatologist at the EHPAD in the first half-hour of `day`'s
    /// morning the store accepts (9:00 to 11:30), straight through the store's checked booking.
    static func bookFirstFreeSlot(
        _ request: ConsultationRequest.ID, on day: LocalDate, in database: TelemedDatabase, id: String
    ) throws -> Booking? {
        let store = DatabaseBookingStore(database)
        for minutes in stride(from: 9 * 60, through: 11 * 60 + 30, by: 30) {
            let start = WallClock.paris.instant(on: day, at: LocalTime(minutesSinceMidnight: minutes)!)
            let booking = Booking(
                id: .init(rawValue: "\(id)-\(minutes)"), requestId: request, specialistId: "S-01",
                siteId: .init(rawValue: ServerFixture.ehpad), start: start, end: start.addingTimeInterval(1_800),
                host: .siteEquipment, status: .confirmed)
            if case .accepted(let booked) = try store.book(booking, route: nil, replacing: nil, actor: "test") {
                return booked
            }
        }
        return nil
    }

    /// A series of `count` every 4 to 7 days from Monday 22, asked through the API.
    static func askFromMonday(
        _ client: some TestClientProtocol, _ fixture: ServerFixture, count: Int
    ) async throws -> SeriesProposalsBody {
        try await ask(
            client, fixture,
            request(
                series: #""count": \#(count), "minGapDays": 4, "maxGapDays": 7"#,
                extra: #", "earliestDate": "2027-03-22""#)
        ).decode(SeriesProposalsBody.self)
    }

    /// Books the first occurrence of `asked` with its proposal on Monday 22.
    static func bookMonday(
        _ client: some TestClientProtocol, _ fixture: ServerFixture, _ asked: SeriesProposalsBody
    ) async throws -> BookingBody {
        let proposal = try #require(asked.proposals.first { WallClock.paris.localDate(of: $0.start) == monday })
        let response = try await book(client, fixture, proposal: proposal.id)
        #expect(response.status == .created)
        return try response.decode(BookingBody.self)
    }

    /// A series every 4 to 7 days booked Monday 22 (its first proposal that day), Friday 26 and
    /// Friday 2 April: the occurrences' booking ids, in order.
    static func bookedSeries(
        _ client: some TestClientProtocol, _ fixture: ServerFixture
    ) async throws -> [Booking.ID] {
        let asked = try await askFromMonday(client, fixture, count: 3)
        let first = try await bookMonday(client, fixture, asked)
        let occurrences = try #require(asked.series?.occurrences)
        var ids = [Booking.ID(rawValue: first.id)]
        for (occurrence, day) in zip(occurrences.dropFirst(), [friday, nextFriday]) {
            let booked = try bookFirstFreeSlot(
                .init(rawValue: occurrence.requestId), on: day, in: fixture.database, id: "B-OCC-\(occurrence.index)")
            ids.append(try #require(booked).id)
        }
        return ids
    }

    /// Friday 26's other mornings go to other residents: nothing is left that day.
    static func fillFriday(_ database: TelemedDatabase) throws {
        for number in 1...6 {
            let other = try otherResident("R-FILL-\(number)", in: database)
            _ = try bookFirstFreeSlot(other, on: friday, in: database, id: "B-FILL-\(number)")
        }
    }

    /// A dermatology request of another resident, stored as the API would (with consent).
    static func otherResident(_ id: String, in database: TelemedDatabase) throws -> ConsultationRequest.ID {
        let request = ConsultationRequest(
            id: .init(rawValue: id), siteId: .init(rawValue: ServerFixture.ehpad), patientRef: "P-\(id)",
            specialty: .dermatology, mode: .live, requiredEquipment: [.dermatoscope], durationMinutes: 30,
            urgency: .soon, releaseDate: monday, consent: Consent(givenBy: .resident, recordedOn: monday))
        try database.recordRequest(request, notes: nil, proposals: [])
        return request.id
    }
}

/// The parts of a series response the tests read.
struct SeriesProposalsBody: Decodable {
    struct Series: Decodable {
        struct Anchor: Decodable {
            var proposalId: String
            var date: LocalDate
        }

        struct Occurrence: Decodable {
            var requestId: String
            var index: Int
            var earliestDate: LocalDate?
            var latestDate: LocalDate?
        }

        var id: String
        var count: Int
        var relativeTo: Anchor?
        var occurrences: [Occurrence]
    }

    struct Unavailable: Decodable {
        struct Spacing: Decodable {
            struct Neighbour: Decodable {
                var index: Int
                var bookingId: String
                var date: LocalDate
            }

            var index: Int
            var previous: Neighbour?
            var next: Neighbour?
            var earliestDate: LocalDate?
            var latestDate: LocalDate?
            var cause: String
        }

        var constraint: String
        var reason: String
        var spacing: Spacing?
    }

    var requestId: String
    var proposals: [ProposalsBody.Proposal]
    var unavailable: Unavailable?
    var series: Series?
}
