import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import TelemedTestSupport
import Testing

@testable import TelemedServer

@Suite("Care series through the API")
struct CareSeriesAPITests {
    @Test("a series is stored as one request per occurrence, with the days each takes from the first proposal")
    func seriesCreated() async throws {
        let fixture = try ServerFixture()
        let logs = LogRecorder()
        let app = try buildApplication(
            configuration: fixture.configuration, database: fixture.database, logger: logs.logger())
        let body = try await app.test(.router) { client in
            let response = try await SeriesFixture.ask(
                client, fixture,
                SeriesFixture.request(
                    patient: "P-SERIES-SECRET", series: #""count": 3, "minGapDays": 3, "maxGapDays": 4"#))
            #expect(response.status == .created)
            return try response.decode(SeriesProposalsBody.self)
        }
        let series = try #require(body.series)
        let first = try #require(body.proposals.first)
        let base = String(body.requestId.dropLast(2))
        #expect(body.requestId.hasSuffix("-1"))
        #expect(series.id == "S-\(base)")
        #expect(series.count == 3)
        #expect(series.occurrences.map(\.index) == [1, 2, 3])
        #expect(series.occurrences.map(\.requestId) == ["\(base)-1", "\(base)-2", "\(base)-3"])
        let day = WallClock.paris.localDate(of: first.start)
        #expect(series.relativeTo?.proposalId == first.id)
        #expect(series.relativeTo?.date == day)
        let windows = series.occurrences.map { [$0.earliestDate, $0.latestDate] }
        #expect(
            windows == [
                [day, day], [day.adding(days: 3), day.adding(days: 4)], [day.adding(days: 6), day.adding(days: 8)],
            ])

        for (position, occurrence) in series.occurrences.enumerated() {
            let stored = try #require(try fixture.database.request(id: .init(rawValue: occurrence.requestId)))
            #expect(stored.series?.id?.rawValue == series.id)
            #expect(stored.series?.index == position + 1)
            #expect(stored.series?.gapDays == 3...4)
            #expect(stored.patientRef == "P-SERIES-SECRET")
            // Occurrence k waits (k − 1) × minGapDays after the first's first possible day.
            #expect(stored.firstPossibleDate == SeriesFixture.monday.adding(days: 3 * position))
        }
        #expect(try fixture.database.proposals(of: .init(rawValue: "\(base)-1")).count == body.proposals.count)
        #expect(try fixture.database.proposals(of: .init(rawValue: "\(base)-2")).isEmpty)
        let recorded = try #require(logs.entries.first { $0.message == "Request recorded" })
        #expect(recorded.metadata["occurrences"] == "3")
        #expect(!logs.entries.contains { $0.text.contains("P-SERIES-SECRET") })
    }

    @Test(
        "a series out of range, or naming its own id, is a 400 naming the field, and nothing is stored",
        arguments: [
            (#""count": 1, "minGapDays": 3, "maxGapDays": 4"#, "series.count", "2 to 52 occurrences"),
            (#""count": 53, "minGapDays": 3, "maxGapDays": 4"#, "series.count", "found 53"),
            (#""count": 1000000000000, "minGapDays": 3, "maxGapDays": 4"#, "series.count", "found 1000000000000"),
            (#""count": 3, "minGapDays": 0, "maxGapDays": 4"#, "series.minGapDays", "1 to 366 days"),
            (#""count": 3, "minGapDays": 3, "maxGapDays": 367"#, "series.maxGapDays", "found 367"),
            (#""count": 3, "minGapDays": 9, "maxGapDays": 5"#, "series.maxGapDays", "swap them"),
            (#""count": "six", "minGapDays": 3, "maxGapDays": 4"#, "series.count", "expected a number"),
            (#""count": 3, "minGapDays": 3"#, "series.maxGapDays", "required field is missing"),
            (#""count": 3, "minGapDays": 3, "maxGapDays": 4, "id": "S-MINE""#, "series.id", "unknown field"),
            (#""count": 3, "minGapDays": 3, "maxGapDays": 4, "index": 2"#, "series.index", "unknown field"),
        ])
    func badSeries(series: String, field: String, message: String) async throws {
        let fixture = try ServerFixture()
        let before = try fixture.database.schedule().scenario.requests.count
        try await fixture.app().test(.router) { client in
            let response = try await SeriesFixture.ask(client, fixture, SeriesFixture.request(series: series))
            #expect(response.status == .badRequest)
            let problem = try response.decode(ProblemBody.self)
            #expect(problem.field == field)
            #expect(problem.detail.contains(message), "\(problem.detail)")
        }
        #expect(try fixture.database.schedule().scenario.requests.count == before)
    }

    @Test("confirming an occurrence out of spacing with its booked neighbour is refused under seriesSpacing")
    func confirmationKeepsSpacing() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            // Every 1 to 3 days: the dermatologist's next day after the first is 4 or more days later.
            let asked = try await SeriesFixture.ask(
                client, fixture, SeriesFixture.request(series: #""count": 2, "minGapDays": 1, "maxGapDays": 3"#)
            ).decode(SeriesProposalsBody.self)
            let first = try #require(asked.proposals.first)
            let booked = try await SeriesFixture.book(client, fixture, proposal: first.id).decode(BookingBody.self)
            let day = WallClock.paris.localDate(of: booked.start)

            // A slot another resident is offered on a later day, proposed to occurrence 2 instead.
            let other = try await SeriesFixture.ask(
                client, fixture,
                ServerFixture.dermatologyRequest(
                    patient: "P-OTHER", extra: #", "earliestDate": "\#(day.adding(days: 1))""#)
            ).decode(ProposalsBody.self)
            let offered = try #require(other.proposals.first)
            let slot = try #require(try fixture.database.proposal(id: offered.id))
            let gap = day.days(to: WallClock.paris.localDate(of: slot.proposal.start))
            #expect(gap > 3)
            let second = try #require(asked.series?.occurrences.last)
            try fixture.database.saveProposals([
                StoredProposal(
                    id: "P-SPACING", requestId: .init(rawValue: second.requestId), createdAt: ServerFixture.clock.now(),
                    expiresAt: ServerFixture.clock.now().addingTimeInterval(600), proposal: slot.proposal)
            ])
            let refused = try await SeriesFixture.book(client, fixture, proposal: "P-SPACING")
            #expect(refused.status == .conflict)
            let problem = try refused.decode(ProblemBody.self)
            // The only rule broken: without the neighbour's booking in the store's check, this books.
            #expect(problem.collisions?.map(\.constraint) == ["seriesSpacing"])
            #expect(problem.detail.contains("\(gap) days after booking \(booked.id)"))
        }
    }

    @Test(
        "a waiting occurrence is offered a slot once its previous occurrence is booked, within the spacing from it",
        arguments: [true, false])
    func waitlistOfferKeepsSpacing(previousBooked: Bool) async throws {
        let fixture = try ServerFixture()
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let asked = try await SeriesFixture.askFromMonday(client, fixture, count: 2)
            if previousBooked { _ = try await SeriesFixture.bookMonday(client, fixture, asked) }
            let second = try #require(asked.series?.occurrences.last).requestId
            try await client.execute(uri: "/api/v1/requests/\(second)/waitlist", method: .post, headers: staff) {
                #expect($0.status == .created)
            }
            // A cancellation frees a slot: the waiting list is offered the plan's capacity.
            let freed = try fixture.confirmedBooking(at: ServerFixture.ehpad)
            try await client.execute(uri: "/api/v1/bookings/\(freed.id)/cancel", method: .post, headers: staff) {
                #expect($0.status == .ok)
            }
            let list = try await client.execute(
                uri: "/api/v1/sites/\(ServerFixture.ehpad)/waitlist", method: .get, headers: staff
            ) { try $0.decode(WaitlistView.self) }
            let entry = try #require(list.entries.first { $0.requestId.rawValue == second })
            if previousBooked {
                // 4–7 days after Monday 22: Friday 26 (Monday 29 is Easter Monday).
                let offer = try #require(entry.offer)
                #expect(WallClock.paris.localDate(of: offer.start) == SeriesFixture.friday)
            } else {
                #expect(entry.offer == nil, "occurrence 2 held a slot while occurrence 1 has none")
            }
        }
    }
}
