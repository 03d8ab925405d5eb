import Foundation
import GRDB
import TelemedCore
import TelemedSolver
import Testing

@testable import TelemedStore

@Suite("Waiting list: joining, held slots, booking or releasing them")
struct WaitlistStoreTests {
    /// The store fixture: SP-1 confirmed for R-1 on Monday 09:00 at A; R-2 waits at A, R-8 at B.
    static func waiting(_ backend: StoreBackend) throws -> (TelemedDatabase, DatabaseBookingStore) {
        let (database, store) = try StoreFixture.database(backend)
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "test")
        try database.joinWaitlist("R-2", wantsBefore: nil, actor: "site:A")
        try database.joinWaitlist("R-8", wantsBefore: nil, actor: "site:B")
        return (database, store)
    }

    /// A waiting-list offer of SP-1 at `hour` on Monday + `day` for `request`, held until `expires`.
    static func offer(
        _ id: String, request: Int, hour: Int, day: Int = 0, expires: Date = StoreFixture.at(12, 0)
    ) -> StoredProposal {
        let slot = StoreFixture.booking("unused", request: request, hour: hour, day: day)
        return .waitlistOffer(
            id: id, requestId: slot.requestId, createdAt: StoreFixture.at(8, 0, day: -7), expiresAt: expires,
            proposal: Proposal(
                specialistId: slot.specialistId, siteId: slot.siteId, start: slot.start, end: slot.end, review: nil,
                host: .siteEquipment, daysLate: 0, unitVisits: [], unitDay: nil))
    }

    @Test(
        "a held slot is committed: another site's booking of it collides until the hold is released",
        arguments: StoreBackend.allCases)
    func heldSlotBlocksOthers(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        let held = try store.hold(Self.offer("P-1", request: 2, hour: 10), actor: "waitlist")
        #expect(held.value?.status == .held)
        #expect(held.value?.id == "H-1")
        // Site B's request, for the same specialist and time.
        let other = StoreFixture.booking("B-8", request: 8, hour: 10)
        let refused = try store.book(other, route: nil, replacing: nil, actor: "site:B")
        #expect(refused.conflict?.constraints.contains(.specialistNoOverlap) == true)
        #expect(refused.conflict?.collisions.flatMap(\.otherBookingIds).contains("H-1") == true)
        try database.declineOffer(for: "R-2", actor: "site:A")
        #expect(try store.booking("H-1") == nil)
        #expect(try store.book(other, route: nil, replacing: nil, actor: "site:B").value?.status == .confirmed)
    }

    @Test(
        "booking the offer replaces the held slot, ends the offer and takes the request off the list",
        arguments: StoreBackend.allCases)
    func bookingTheOffer(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        let proposal = Self.offer("P-1", request: 2, hour: 10)
        _ = try store.hold(proposal, actor: "waitlist")
        let booked = try store.book(
            proposal.booking(id: "B-P1"), route: nil, replacing: proposal.replacesBookingId, actor: "site:A")
        #expect(booked.value?.status == .confirmed)
        #expect(try store.booking("H-1") == nil)
        #expect(try database.waitlistEntry("R-2") == nil)
        #expect(try database.waitlist(siteId: "A").isEmpty)
        let closed = try database.database.read { db in
            try db.fetchOne(String.self, sql: "SELECT closedReason FROM waitlistOffers WHERE id = 'P-1'")
        }
        #expect(closed == "booked")
        // The booking replaced a hold: nothing was cancelled.
        #expect(try store.bookings(atSite: "A", startingIn: Self.everything).allSatisfy { $0.status != .cancelled })
    }

    @Test(
        "a held slot cannot be replaced by another request's booking, nor cancelled or given an outcome",
        arguments: StoreBackend.allCases)
    func heldSlotIsOnlyForItsRequest(_ backend: StoreBackend) throws {
        let (_, store) = try Self.waiting(backend)
        _ = try store.hold(Self.offer("P-1", request: 2, hour: 10), actor: "waitlist")
        #expect(throws: StoreError.heldForAnother("H-1", request: "R-2")) {
            try store.book(
                StoreFixture.booking("B-3", request: 3, hour: 10), route: nil, replacing: "H-1", actor: "site:A")
        }
        #expect(throws: StoreError.invalidTransition("H-1", from: .held, to: .cancelled)) {
            try store.cancel("H-1", actor: "site:A")
        }
        #expect(try store.booking("H-1")?.status == .held)
    }

    @Test(
        "one offer at a time, only for a waiting request; joining twice or with a booking is refused",
        arguments: StoreBackend.allCases)
    func refusals(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        #expect(throws: StoreError.notWaiting("R-3")) {
            try store.hold(Self.offer("P-1", request: 3, hour: 10), actor: "waitlist")
        }
        _ = try store.hold(Self.offer("P-2", request: 2, hour: 10), actor: "waitlist")
        #expect(throws: StoreError.alreadyOffered("R-2")) {
            try store.hold(Self.offer("P-3", request: 2, hour: 11), actor: "waitlist")
        }
        #expect(throws: StoreError.alreadyWaiting("R-2")) {
            try database.joinWaitlist("R-2", wantsBefore: nil, actor: "t")
        }
        #expect(throws: StoreError.requestAlreadyBooked("R-1")) {
            try database.joinWaitlist("R-1", wantsBefore: nil, actor: "t")
        }
        #expect(throws: StoreError.noOffer("R-8")) { try database.declineOffer(for: "R-8", actor: "t") }
        #expect(throws: StoreError.notWaiting("R-4")) { try database.leaveWaitlist("R-4", actor: "t") }
    }

    @Test(
        "a hold lapses at its expiry by the clock, the request keeps its place, the slot is not offered twice",
        arguments: StoreBackend.allCases)
    func lapse(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0), backend)
        try database.joinWaitlist("R-2", wantsBefore: nil, actor: "site:A")
        _ = try store.hold(Self.offer("P-1", request: 2, hour: 10, expires: StoreFixture.at(9, 0)), actor: "waitlist")
        #expect(try database.lapseOffers().isEmpty)
        #expect(try database.nextOfferExpiry() == StoreFixture.at(9, 0))
        time.set(to: StoreFixture.at(9, 0))
        let lapsed = try database.lapseOffers()
        #expect(lapsed.map(\.bookingId) == ["H-1"])
        #expect(try store.booking("H-1") == nil)
        #expect(try database.waitlistEntry("R-2")?.offer == nil)
        #expect(try database.endedOffers(of: "R-2").map(\.start) == [StoreFixture.at(10, 0)])
        #expect(try database.nextOfferExpiry() == nil)
    }

    @Test(
        "confirming any booking of a waiting request releases its held slot and takes it off the list",
        arguments: StoreBackend.allCases)
    func bookedAnotherWay(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        _ = try store.hold(Self.offer("P-1", request: 2, hour: 10), actor: "waitlist")
        let elsewhere = StoreFixture.booking("B-2", request: 2, specialist: "SP-2", hour: 14)
        #expect(try store.book(elsewhere, route: nil, replacing: nil, actor: "site:A").value != nil)
        #expect(try store.booking("H-1") == nil)
        #expect(try database.waitlistEntry("R-2") == nil)
    }

    @Test(
        "a session not held puts its request back at the head of the list; recorded as held after all, it leaves",
        arguments: StoreBackend.allCases)
    func notHeldReturns(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0), backend)
        try database.joinWaitlist("R-2", wantsBefore: nil, actor: "site:A")
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "t")
        time.set(to: StoreFixture.at(9, 30))
        _ = try store.recordOutcome("B-1", .notHeld, reason: .connectionFailure, expectedVersion: nil, actor: "site:A")
        let list = try database.waitlist(siteId: "A")
        #expect(list.map(\.requestId) == ["R-1", "R-2"])
        #expect(list.first?.returned == true)
        #expect(try database.waitingRequestIds() == ["R-1", "R-2"])
        _ = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A")
        #expect(try database.waitlist(siteId: "A").map(\.requestId) == ["R-2"])
    }

    @Test(
        "the roll keeps a held slot and leaves waiting requests to the list; other open requests are placed",
        arguments: StoreBackend.allCases)
    func rollRespectsTheList(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        _ = try store.hold(
            Self.offer("P-1", request: 2, hour: 10, day: 2, expires: StoreFixture.at(12, 0, day: 1)), actor: "w")
        let held = try #require(try store.booking("H-1"))
        try database.joinWaitlist("R-6", wantsBefore: nil, actor: "site:A")
        _ = try WindowRoller(database: database, seed: 1, actor: "test").roll(to: StoreFixture.monday.adding(days: 1))
        #expect(try store.booking("H-1") == held)
        let live = try database.database.read { db in
            try BookingRecord.fetchAll(db).map(\.booking).filter { $0.status.occupiesResources }
        }
        #expect(live.filter { $0.requestId == "R-6" || $0.requestId == "R-8" }.isEmpty)
        #expect(live.filter { $0.requestId == "R-2" }.map(\.id) == ["H-1"])
        #expect(Set(live.map(\.requestId)).isSuperset(of: ["R-3", "R-4", "R-5", "R-7"]))
    }

    @Test(
        "a scenario export leaves held slots out, an import refuses them, and a replace clears the list",
        arguments: StoreBackend.allCases)
    func scenarioFiles(_ backend: StoreBackend) throws {
        let (database, store) = try Self.waiting(backend)
        _ = try store.hold(Self.offer("P-1", request: 2, hour: 10), actor: "waitlist")
        let exported = try database.exportScenario()
        #expect(exported.bookings.map(\.id) == ["B-1"])
        var withHeld = exported
        withHeld.bookings.append(try #require(try store.booking("H-1")))
        let fresh = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(throws: StoreError.heldSlotImported("H-1")) { try fresh.importScenario(withHeld, actor: "test") }
        #expect(try fresh.holdsScenario() == false)
        try database.importScenario(exported, replace: true, actor: "test")
        #expect(try database.waitlist().isEmpty)
        #expect(try database.nextOfferExpiry() == nil)
    }

    @Test("a request only a unit's visit can serve (crew, or equipment its site lacks) cannot join the list")
    func unitWorkIsTheNightlyPlans() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests[2].requiredEquipment = [.ecg]  // site A has none; unit U-1 brings one
        scenario.requests[3].mode = .crew
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        #expect(throws: StoreError.servedByUnit("R-3")) {
            try database.joinWaitlist("R-3", wantsBefore: nil, actor: "t")
        }
        #expect(throws: StoreError.servedByUnit("R-4")) {
            try database.joinWaitlist("R-4", wantsBefore: nil, actor: "t")
        }
        #expect(scenario.requests[0].isServedAtSite(withEquipment: []))
        #expect(!scenario.requests[2].isServedAtSite(withEquipment: []))
        #expect(scenario.requests[2].isServedAtSite(withEquipment: [.ecg, .videoCart]))
    }

    @Test("joining and leaving are audited under the request, without patient data", arguments: StoreBackend.allCases)
    func audited(_ backend: StoreBackend) throws {
        let (database, _) = try Self.waiting(backend)
        try database.leaveWaitlist("R-8", actor: "site:B")
        let actions = try database.database.read { db in
            try db.fetchAll(sql: "SELECT action, entityId, after FROM auditLog WHERE entityKind = 'request'")
        }
        #expect(actions.map { $0["action"] as String } == ["waitlist.join", "waitlist.join", "waitlist.leave"])
        #expect(actions.allSatisfy { !($0["after"] as String).contains("P-") })
    }

    @Test("v12 rebuilds bookings with every row, accepts held, and keeps held slots in the committed indexes")
    func schema() throws {
        let (database, store) = try Self.waiting(.sqlite)
        _ = try store.hold(Self.offer("P-1", request: 2, hour: 10), actor: "waitlist")
        let (indexes, count) = try database.database.read { db in
            (
                try db.fetchAll(
                    String.self,
                    sql:
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings' AND sql IS NOT NULL"
                ),
                try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM bookings") ?? 0
            )
        }
        #expect(count == 2)
        #expect(indexes.count == 7)
        #expect(indexes.filter { $0.contains("committed") }.allSatisfy { $0.contains("'held'") })
    }

    static let everything = UTCInterval(start: .distantPast, end: .distantFuture)
}
