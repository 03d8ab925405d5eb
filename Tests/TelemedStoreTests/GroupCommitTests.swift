import Foundation
import TelemedCore
import TelemedSolver
import Testing

@testable import TelemedStore

/// `DatabaseBookingStore.book(_:)`, the group commit behind `POST /bookings`: a group must decide
/// exactly what the same bookings made one after the other would have.
@Suite("Group commit of bookings")
struct GroupCommitTests {
    private func intent(_ booking: Booking, replacing: Booking.ID? = nil) -> BookingIntent {
        BookingIntent(booking, replacing: replacing, actor: "site:A")
    }

    private func committed(_ store: DatabaseBookingStore, _ ids: [String]) throws -> [String: BookingStatus] {
        var statuses: [String: BookingStatus] = [:]
        for id in ids { statuses[id] = try store.booking(Booking.ID(id))?.status }
        return statuses
    }

    @Test(
        "bookings that collide with nothing are all confirmed and audited, and the file stays valid",
        arguments: StoreBackend.allCases)
    func disjointGroup(_ backend: StoreBackend) async throws {
        let (database, store) = try StoreFixture.database(backend)
        let group = [
            StoreFixture.booking("B-1", request: 1, hour: 9),
            StoreFixture.booking("B-2", request: 8, specialist: "SP-2", hour: 9),
            StoreFixture.booking("B-3", request: 3, hour: 10),
        ]
        let results = try await store.book(group.map { intent($0) })
        #expect(results.map { try? $0.get().value?.id.rawValue } == ["B-1", "B-2", "B-3"])
        #expect(try committed(store, ["B-1", "B-2", "B-3"]).values.allSatisfy { $0 == .confirmed })
        let audited = try await database.database.read { db in
            try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM auditLog WHERE action = 'booking.confirmed'")
        }
        #expect(audited == 3)
        #expect(try database.check().isValid)
    }

    @Test(
        "bookings of one group that collide with each other: the earlier one wins, the later is refused naming it",
        arguments: [
            // specialistNoOverlap: SP-1 twice at 09:00, at two sites.
            (
                StoreFixture.booking("B-1", request: 1, hour: 9),
                StoreFixture.booking("B-2", request: 8, hour: 9), ConstraintName.specialistNoOverlap
            ),
            // roomFree: site A has one room; two specialists at 09:00.
            (
                StoreFixture.booking("B-1", request: 1, hour: 9),
                StoreFixture.booking("B-2", request: 2, specialist: "SP-2", hour: 9), .roomFree
            ),
            // patientNoOverlap: patient P-X at A and at B at once.
            (
                StoreFixture.booking("B-1", request: 7, hour: 9),
                StoreFixture.booking("B-2", request: 8, specialist: "SP-2", hour: 9), .patientNoOverlap
            ),
        ])
    func collidingGroup(first: Booking, second: Booking, constraint: ConstraintName) async throws {
        let (database, store) = try StoreFixture.database()
        let results = try await store.book([intent(first), intent(second)])
        #expect(try results[0].get().value?.id == first.id)
        guard case .conflict(let conflict) = try results[1].get() else {
            Issue.record("the second booking of the group was not refused")
            return
        }
        #expect(conflict.collisions.contains { $0.constraint == constraint && $0.otherBookingIds == [first.id] })
        #expect(try store.booking(second.id) == nil)
        #expect(try database.check().isValid)
    }

    @Test(
        "specialistDailyMax across a group: the third session of a day that allows two is refused",
        arguments: StoreBackend.allCases)
    func dailyMaxInGroup(_ backend: StoreBackend) async throws {
        let (_, store) = try StoreFixture.database(backend)
        let group = [9, 10, 11].enumerated().map { index, hour in
            StoreFixture.booking("B-\(index + 1)", request: index + 1, hour: hour)
        }
        let results = try await store.book(group.map { intent($0) })
        #expect(try results[0].get().value != nil)
        #expect(try results[1].get().value != nil)
        guard case .conflict(let conflict) = try results[2].get() else {
            Issue.record("a third session was confirmed on a day that allows two")
            return
        }
        #expect(conflict.collisions.map(\.constraint) == [.specialistDailyMax])
    }

    @Test(
        "an error stays with its own booking: unknown request, id used twice; the others are confirmed",
        arguments: StoreBackend.allCases)
    func errorsStayAlone(_ backend: StoreBackend) async throws {
        let (_, store) = try StoreFixture.database(backend)
        var unknown = StoreFixture.booking("B-2", request: 2, hour: 10)
        unknown.requestId = "R-UNKNOWN"
        let group = [
            intent(StoreFixture.booking("B-1", request: 1, hour: 9)), intent(unknown),
            intent(StoreFixture.booking("B-1", request: 3, hour: 11)),
            intent(StoreFixture.booking("B-4", request: 4, specialist: "SP-2", hour: 11)),
        ]
        let results = try await store.book(group)
        #expect(try results[0].get().value?.id == "B-1")
        #expect(throws: StoreError.unknownReference("request R-UNKNOWN")) { try results[1].get() }
        #expect(throws: StoreError.bookingExists("B-1")) { try results[2].get() }
        #expect(try results[3].get().value?.id == "B-4")
        #expect(try store.booking("B-1")?.requestId == "R-1")
    }

    @Test(
        "a refused move in a group rolls back its own cancellation only; the bookings after it still go through",
        arguments: StoreBackend.allCases)
    func refusedMoveRollsBackAlone(_ backend: StoreBackend) async throws {
        let (database, store) = try StoreFixture.database(backend)
        let old = StoreFixture.booking("B-OLD", request: 3, specialist: "SP-2", hour: 15)
        #expect(try store.book(old, route: nil, replacing: nil, actor: "test").value != nil)
        let group = [
            intent(StoreFixture.booking("B-1", request: 1, hour: 9)),
            // Moves B-OLD onto SP-1 at 09:00, which B-1 has just taken.
            intent(StoreFixture.booking("B-MOVE", request: 3, hour: 9), replacing: "B-OLD"),
            intent(StoreFixture.booking("B-2", request: 2, hour: 10)),
        ]
        let results = try await store.book(group)
        #expect(try results[0].get().value != nil)
        guard case .conflict = try results[1].get() else {
            Issue.record("the move onto a taken slot was confirmed")
            return
        }
        #expect(try results[2].get().value != nil)
        #expect(try store.booking("B-OLD")?.status == .confirmed, "the refused move cancelled the old booking")
        #expect(try store.booking("B-MOVE") == nil)
        #expect(try database.check().isValid)
    }
}
