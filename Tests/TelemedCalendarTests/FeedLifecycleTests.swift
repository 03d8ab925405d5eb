import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Feed updates: reschedule, cancel, retention")
struct FeedLifecycleTests {
    private func specialistEvents(_ plan: Plan, changes: [Booking.ID: BookingChange] = [:], at publishedAt: Date)
        throws -> [ParsedCalendar.Event]
    {
        let source = try FeedFixture.source(plan: plan, changes: changes, publishedAt: publishedAt)
        return try FeedFixture.parsed(source.specialistCalendar(for: source.scenario.specialists[0])).events
    }

    @Test("a rescheduled booking keeps its UID and gets a higher SEQUENCE and a new LAST-MODIFIED")
    func reschedule() throws {
        let plan = try FeedFixture.plan()
        let before = try #require(try specialistEvents(plan, at: FeedFixture.publishedAt).first)
        var moved = plan
        moved.bookings[0].start += 3600
        moved.bookings[0].end += 3600
        moved.bookings[0].version += 1
        let modified = FeedFixture.date("2027-03-21T08:00:00Z")
        let after = try #require(
            try specialistEvents(moved, changes: ["B-1": BookingChange(lastModified: modified)], at: modified).first)
        #expect(after.uid == before.uid)
        #expect(after.sequence == before.sequence + 1)
        #expect(after.start == before.start + 3600)
        #expect(after.lastModified == modified)
    }

    @Test("a cancelled booking is published as CANCELLED for 30 days after its cancellation, then dropped")
    func cancellationRetention() throws {
        var plan = try FeedFixture.plan()
        plan.bookings[3].status = .cancelled
        plan.bookings[3].version += 1
        let cancelledAt = FeedFixture.date("2027-03-22T10:00:00Z")
        let changes: [Booking.ID: BookingChange] = [
            "B-4": BookingChange(lastModified: cancelledAt, cancelledAt: cancelledAt)
        ]
        let soon = try specialistEvents(plan, changes: changes, at: cancelledAt + 86_400)
        let cancelled = try #require(soon.first { $0.uid == "booking-B-4-specialist@telemed" })
        #expect(cancelled.status == "CANCELLED")
        #expect(cancelled.sequence == 4)
        let lastDay = try specialistEvents(plan, changes: changes, at: cancelledAt + 30 * 86_400 - 1)
        #expect(lastDay.contains { $0.uid == "booking-B-4-specialist@telemed" })
        let later = try specialistEvents(plan, changes: changes, at: cancelledAt + 30 * 86_400)
        #expect(later.map(\.uid) == ["booking-B-1-specialist@telemed"])
    }

    @Test("an unchanged plan gives the same bytes at every publication")
    func stableBytes() throws {
        let plan = try FeedFixture.plan()
        let modified = FeedFixture.date("2027-03-19T08:00:00Z")
        let changes = Dictionary(
            uniqueKeysWithValues: plan.bookings.map { ($0.id, BookingChange(lastModified: modified)) })
        func text(at instant: Date) throws -> String {
            let source = try FeedFixture.source(plan: plan, changes: changes, publishedAt: instant)
            return try source.specialistCalendar(for: source.scenario.specialists[0]).serialized()
        }
        #expect(try text(at: FeedFixture.publishedAt) == (try text(at: FeedFixture.publishedAt + 3600)))
    }
}
