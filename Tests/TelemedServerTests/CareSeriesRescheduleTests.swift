import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Moving a care series occurrence")
struct CareSeriesRescheduleTests {
    private func reschedule(
        _ client: some TestClientProtocol, _ fixture: ServerFixture, _ booking: Booking.ID
    ) async throws -> SeriesProposalsBody {
        try await client.execute(
            uri: "/api/v1/bookings/\(booking)/reschedule", method: .post,
            headers: ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad))
        ) { response in
            #expect(response.status == .created)
            return try response.decode(SeriesProposalsBody.self)
        }
    }

    @Test("a move offers only days that keep the spacing with the booked previous and next occurrences")
    func spacingKept() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let bookings = try await SeriesFixture.bookedSeries(client, fixture)
            // Occurrence 2: 4–7 days after Monday 22 and before Friday 2, so Friday 26 to Monday 29
            // (Easter Monday).
            let middle = try await reschedule(client, fixture, bookings[1])
            #expect(!middle.proposals.isEmpty)
            for proposal in middle.proposals {
                #expect(WallClock.paris.localDate(of: proposal.start) == SeriesFixture.friday)
            }
            // Occurrence 3: 4–7 days after Friday 26, so Tuesday 30 to Friday 2.
            let last = try await reschedule(client, fixture, bookings[2])
            #expect(!last.proposals.isEmpty)
            for proposal in last.proposals {
                #expect(WallClock.paris.localDate(of: proposal.start) == SeriesFixture.nextFriday)
            }
            // Booking a proposal of the move keeps the series whole.
            let moved = try await SeriesFixture.book(client, fixture, proposal: try #require(middle.proposals.first).id)
            #expect(moved.status == .created)
        }
    }

    @Test("a re-optimisation places the later occurrences of a series asked through the API, each spaced from the last")
    func replannedInSpacing() async throws {
        let fixture = try ServerFixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        try await fixture.app().test(.router) { client in
            let asked = try await SeriesFixture.askFromMonday(client, fixture, count: 3)
            _ = try await SeriesFixture.bookMonday(client, fixture, asked)
            let run = try await PlanTests.run(#"{"kind": "reoptimise"}"#, client: client, headers: planner)
            #expect(run.applied != nil)
            let bookings = try fixture.database.schedule().scenario.bookings.filter(\.status.occupiesResources)
            let days = try #require(asked.series?.occurrences).map { occurrence in
                bookings.first { $0.requestId.rawValue == occurrence.requestId }.map {
                    WallClock.paris.localDate(of: $0.start)
                }
            }
            // The dermatologist's only days 4–7 days apart: Friday 26, then Friday 2 April.
            #expect(days == [SeriesFixture.monday, SeriesFixture.friday, SeriesFixture.nextFriday])
        }
    }

    @Test("when no slot keeps the spacing, the move says why: the rule, the neighbours and the days")
    func spacingExplained() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let bookings = try await SeriesFixture.bookedSeries(client, fixture)
            try SeriesFixture.fillFriday(fixture.database)
            let middle = try await reschedule(client, fixture, bookings[1])
            #expect(middle.proposals.isEmpty)
            let unavailable = try #require(middle.unavailable)
            #expect(unavailable.constraint == "seriesSpacing")
            let spacing = try #require(unavailable.spacing)
            #expect(spacing.index == 2)
            #expect(spacing.previous?.index == 1)
            #expect(spacing.previous?.date == SeriesFixture.monday)
            #expect(spacing.previous?.bookingId == bookings[0].rawValue)
            #expect(spacing.next?.index == 3)
            #expect(spacing.next?.date == SeriesFixture.nextFriday)
            #expect(spacing.earliestDate == SeriesFixture.friday)
            #expect(spacing.latestDate == SeriesFixture.friday.adding(days: 3))
            #expect(spacing.cause == "noFreeSlot")
            #expect(unavailable.reason.contains("4–7 days after occurrence 1 (booked on 2027-03-22)"))
            #expect(unavailable.reason.contains("4–7 days before occurrence 3 (booked on 2027-04-02)"))
            #expect(unavailable.reason.contains("from 2027-03-26 to 2027-03-29"))
        }
    }
}
