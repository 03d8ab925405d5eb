import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Outcomes: what became of each session, from its start on")
struct OutcomeStoreTests {
    /// R-1 booked and confirmed at 09:00 with SP-1, the clock at 08:00 that Monday.
    private static func confirmed(_ backend: StoreBackend) throws -> (TelemedDatabase, DatabaseBookingStore, ManualTime)
    {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0), backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        _ = try #require(try store.confirm("B-1", actor: "site:A").value)
        return (database, store, time)
    }

    @Test(
        "before the session's start an outcome is refused and nothing changes; from its start it is recorded",
        arguments: StoreBackend.allCases)
    func notBeforeStart(_ backend: StoreBackend) throws {
        let (database, store, time) = try Self.confirmed(backend)
        let generation = try database.changeGeneration()
        time.advance(bySeconds: 3_599)
        let error = #expect(throws: StoreError.self) {
            try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A")
        }
        #expect(error == .sessionNotStarted("B-1", start: StoreFixture.at(9, 0)))
        #expect(try store.booking("B-1")?.status == .confirmed)
        #expect(try database.changeGeneration() == generation)
        time.advance(bySeconds: 1)
        let done = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: 2, actor: "site:A").value
        #expect(done?.status == .done && done?.version == 3)
    }

    @Test(
        "days later, with a reason; the audit log keeps who recorded what, before and after",
        arguments: StoreBackend.allCases)
    func daysLaterWithReason(_ backend: StoreBackend) throws {
        let (database, store, time) = try Self.confirmed(backend)
        time.advance(bySeconds: 5 * 86_400)
        let missed = try #require(
            try store.recordOutcome(
                "B-1", .noShow, reason: .residentUnavailable, expectedVersion: nil, actor: "specialist:SP-1"
            ).value)
        #expect(missed.status == .noShow && missed.outcomeReason == .residentUnavailable)
        #expect(try store.booking("B-1") == missed)
        let entry = try #require(try database.auditEntries(limit: 1).first)
        #expect(entry.action == "booking.outcome" && entry.actor == "specialist:SP-1")
        #expect(entry.before?.contains(#""status":"confirmed""#) == true)
        #expect(entry.after?.contains(#""outcomeReason":"residentUnavailable""#) == true)
    }

    @Test(
        "a cancelled or merely proposed booking has no outcome; a reason must explain its outcome",
        arguments: StoreBackend.allCases)
    func refusals(_ backend: StoreBackend) throws {
        let (_, store, time) = try Self.confirmed(backend)
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "site:A")
        time.advance(bySeconds: 3 * 3_600)
        #expect(throws: StoreError.invalidTransition("B-2", from: .proposed, to: .noShow)) {
            try store.recordOutcome("B-2", .noShow, reason: nil, expectedVersion: nil, actor: "site:A")
        }
        try store.cancel("B-2", actor: "site:A")
        #expect(throws: StoreError.invalidTransition("B-2", from: .cancelled, to: .done)) {
            try store.recordOutcome("B-2", .done, reason: nil, expectedVersion: nil, actor: "site:A")
        }
        #expect(throws: StoreError.reasonMismatch(.residentDeclined, outcome: .notHeld)) {
            try store.recordOutcome("B-1", .notHeld, reason: .residentDeclined, expectedVersion: nil, actor: "site:A")
        }
        #expect(throws: StoreError.versionMismatch("B-1", expected: 1, actual: 2)) {
            try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: 1, actor: "site:A")
        }
        #expect(try store.booking("B-1")?.status == .confirmed)
    }

    @Test(
        "a session not held frees its specialist and lets its request be booked again", arguments: StoreBackend.allCases
    )
    func notHeldFrees(_ backend: StoreBackend) throws {
        let (_, store, time) = try Self.confirmed(backend)
        time.advance(bySeconds: 3_600)
        // The same request again, later that day with the same specialist: one booking per request.
        try store.propose(StoreFixture.booking("B-1b", request: 1, hour: 15), actor: "planner")
        #expect(try store.confirm("B-1b", actor: "planner").conflict?.constraints == [.requestOnce])
        let notHeld = try store.recordOutcome(
            "B-1", .notHeld, reason: .connectionFailure, expectedVersion: nil, actor: "site:A")
        #expect(notHeld.value?.status == .notHeld)
        #expect(try store.confirm("B-1b", actor: "planner").value?.status == .confirmed)
        // Turning it back into a session that took place collides with the new booking.
        let back = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A")
        #expect(back.conflict?.constraints == [.requestOnce])
        #expect(try store.booking("B-1")?.status == .notHeld)
    }

    @Test("a no-show keeps the specialist's time: another session cannot take it", arguments: StoreBackend.allCases)
    func noShowKeeps(_ backend: StoreBackend) throws {
        let (_, store, time) = try Self.confirmed(backend)
        time.advance(bySeconds: 3_600)
        _ = try store.recordOutcome("B-1", .noShow, reason: nil, expectedVersion: nil, actor: "site:A")
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 9), actor: "planner")
        #expect(try store.confirm("B-2", actor: "planner").conflict?.otherBookingIds == ["B-1"])
    }

    @Test(
        "the same outcome recorded twice changes nothing the second time; a correction is a new version",
        arguments: StoreBackend.allCases)
    func idempotentThenCorrected(_ backend: StoreBackend) throws {
        let (_, store, time) = try Self.confirmed(backend)
        time.advance(bySeconds: 3_600)
        let first = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A").value
        let again = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A").value
        #expect(first == again && again?.version == 3)
        let corrected = try store.recordOutcome(
            "B-1", .noShow, reason: .residentDeclined, expectedVersion: 3, actor: "site:A")
        #expect(corrected.value?.version == 4 && corrected.value?.status == .noShow)
    }

    @Test("the v10 rebuild of the bookings table keeps every row and field, its indexes and their conditions")
    func rebuildKeepsBookings() throws {
        let (database, store, _) = try Self.confirmed(.sqlite)
        try store.propose(
            StoreFixture.booking("B-2", request: 2, hour: 10, host: .unitVisit("U-1")), actor: "site:A")
        let rows = { try database.writer.read { try Row.fetchAll($0, sql: "SELECT * FROM bookings ORDER BY id") } }
        let before = try rows()
        // Files upgraded from v9 ran exactly this over their table.
        try database.writer.write { try SchemaV10.migrate($0) }
        #expect(try rows() == before)
        let schema = try database.database.read { db in
            try db.fetchAll(
                String.self, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'bookings' AND sql IS NOT NULL")
        }
        #expect(schema.contains { $0.contains("'noShow', 'notHeld'") })
        #expect(schema.contains { $0.contains("bookings_committed_specialist") && $0.contains("'noShow'") })
        #expect(schema.count == 8)
    }
}
