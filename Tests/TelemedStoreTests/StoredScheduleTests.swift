import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Stored schedule and availability updates")
struct StoredScheduleTests {
    @Test("the schedule carries each booking's status, version, last change and cancellation from the audit log")
    func bookingHistory() throws {
        let time = ManualTime(StoreFixture.clock.now())
        let database = try TelemedDatabase.inMemory(clock: .manual(time))
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        let store = DatabaseBookingStore(database)
        let imported = try #require(try database.auditEntries(limit: 1).first).occurredAt
        time.advance(bySeconds: 60)
        for (id, request, hour) in [("B-1", 1, 9), ("B-2", 2, 11)] {
            try store.propose(StoreFixture.booking(id, request: request, hour: hour), actor: "site:A")
            _ = try store.confirm(Booking.ID(id), actor: "site:A")
        }
        time.advance(bySeconds: 60)
        let beforeCancel = time.instant
        try store.cancel("B-2", actor: "site:A")
        _ = try #require(try store.saveRoute(StoreFixture.route(day: 2), actor: "planner").value)
        _ = try #require(try store.saveRoute(StoreFixture.route(day: 1), actor: "planner").value)

        let schedule = try database.schedule()
        #expect(schedule.plan.bookings.map(\.status) == [.confirmed, .cancelled])
        #expect(schedule.plan.bookings.map(\.version) == [2, 3])
        let kept = try #require(schedule.changes["B-1"])
        #expect(kept.cancelledAt == nil && kept.lastModified == imported.addingTimeInterval(60))
        let cancelled = try #require(schedule.changes["B-2"])
        #expect(cancelled.cancelledAt == cancelled.lastModified)
        #expect(cancelled.cancelledAt == beforeCancel)
        #expect(schedule.routes.map(\.day.date) == [1, 2].map { StoreFixture.monday.adding(days: $0) })
        #expect(schedule.plan.visits.count == 2 && schedule.plan.unitDays.count == 2)
    }

    @Test("a booking imported with the scenario and never changed dates from the import")
    func importedBooking() throws {
        var scenario = StoreFixture.scenario()
        var booking = StoreFixture.booking("B-9", request: 3, hour: 15)
        booking.status = .confirmed
        scenario.bookings = [booking]
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        let imported = try #require(try database.auditEntries(limit: 1).first).occurredAt
        #expect(try database.schedule().changes["B-9"] == BookingChange(lastModified: imported))
    }

    @Test("updating a specialist's exceptions replaces them in one audited change", arguments: StoreBackend.allCases)
    func updateExceptions(_ backend: StoreBackend) throws {
        let (database, _) = try StoreFixture.database(backend)
        let away = AvailabilityException(
            kind: .unavailable, start: StoreFixture.at(8, 0), end: StoreFixture.at(12, 0), note: "congrès")
        let saved = try database.updateExceptions(ofSpecialist: "SP-1", actor: "cli") { $0 + [away] }
        #expect(saved == [away])
        #expect(try database.exportScenario().specialists.first { $0.id == "SP-1" }?.exceptions == [away])
        let entry = try #require(try database.auditEntries(limit: 1).first)
        #expect(entry.action == "specialist.exceptions" && entry.entityId == "SP-1" && entry.before == "[]")
    }

    @Test(
        "an unknown specialist or an interval ending before it starts is refused and changes nothing",
        arguments: StoreBackend.allCases)
    func refusedExceptions(_ backend: StoreBackend) throws {
        let (database, _) = try StoreFixture.database(backend)
        let before = try database.exportScenario()
        #expect(throws: StoreError.unknownReference("specialist SP-404")) {
            try database.updateExceptions(ofSpecialist: "SP-404", actor: "cli") { $0 }
        }
        let backwards = AvailabilityException(
            kind: .unavailable, start: StoreFixture.at(12, 0), end: StoreFixture.at(8, 0))
        #expect(throws: StoreError.self) {
            try database.updateExceptions(ofSpecialist: "SP-1", actor: "cli") { $0 + [backwards] }
        }
        #expect(try database.exportScenario() == before)
    }

    @Test(
        "confirmed bookings overlapping new busy time are listed; proposed and cancelled ones are not",
        arguments: StoreBackend.allCases)
    func clashingBookings(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        for (id, request, hour) in [("B-1", 1, 9), ("B-2", 2, 11), ("B-3", 3, 14)] {
            try store.propose(StoreFixture.booking(id, request: request, hour: hour), actor: "site:A")
        }
        _ = try store.confirm("B-1", actor: "site:A")
        _ = try store.confirm("B-3", actor: "site:A")
        try store.cancel("B-3", actor: "site:A")
        let busy = [UTCInterval(start: StoreFixture.at(9, 15), end: StoreFixture.at(16, 0))]
        #expect(try database.confirmedBookings(ofSpecialist: "SP-1", overlapping: busy).map(\.id) == ["B-1"])
        #expect(try database.confirmedBookings(ofSpecialist: "SP-2", overlapping: busy).isEmpty)
    }
}
