import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Booking lifecycle")
struct BookingLifecycleTests {
    @Test(
        "proposed → confirmed → done, each change a new version with an audit entry", arguments: StoreBackend.allCases)
    func confirmThenDone(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0), backend)
        let proposed = try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        #expect(proposed.status == .proposed && proposed.version == 1)
        let confirmed = try #require(try store.confirm("B-1", expectedVersion: 1, actor: "site:A").value)
        #expect(confirmed.status == .confirmed && confirmed.version == 2)
        time.advance(bySeconds: 3_600)
        let done = try #require(
            try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: 2, actor: "unit:U-1").value)
        #expect(done.status == .done && done.version == 3)
        #expect(try store.booking("B-1") == done)
        let actions = try database.auditEntries().map(\.action)
        #expect(actions.prefix(3) == ["booking.outcome", "booking.confirmed", "booking.propose"])
        let last = try #require(try database.auditEntries(limit: 1).first)
        #expect(last.before?.contains(#""status":"confirmed""#) == true)
        #expect(last.after?.contains(#""status":"done""#) == true)
    }

    @Test("a reschedule keeps the id, raises the version and moves the times", arguments: StoreBackend.allCases)
    func reschedule(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        _ = try store.confirm("B-1", actor: "site:A")
        let times = BookingTimes(start: StoreFixture.at(14, 0), end: StoreFixture.at(14, 30))
        let moved = try #require(
            try store.reschedule("B-1", to: times, expectedVersion: 2, route: nil, actor: "site:A").value)
        #expect(moved.id == "B-1" && moved.version == 3 && moved.status == .confirmed)
        #expect(moved.start == times.start && moved.end == times.end)
    }

    @Test(
        "a reschedule of a confirmed booking onto a taken slot is a conflict and changes nothing",
        arguments: StoreBackend.allCases)
    func rescheduleConflict(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        for (id, request, hour) in [("B-1", 1, 9), ("B-2", 2, 11)] {
            try store.propose(StoreFixture.booking(id, request: request, hour: hour), actor: "site:A")
            _ = try store.confirm(Booking.ID(id), actor: "site:A")
        }
        let before = try store.booking("B-2")
        let outcome = try store.reschedule(
            "B-2", to: BookingTimes(start: StoreFixture.at(9, 15), end: StoreFixture.at(9, 45)), expectedVersion: nil,
            route: nil, actor: "site:A")
        #expect(outcome.conflict?.otherBookingIds == ["B-1"])
        #expect(try store.booking("B-2") == before)
    }

    @Test("a cancelled booking frees its slot for another confirmation", arguments: StoreBackend.allCases)
    func cancelFrees(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 9), actor: "site:A")
        #expect(try store.confirm("B-1", actor: "site:A").value != nil)
        #expect(try store.confirm("B-2", actor: "site:A").conflict != nil)
        try store.cancel("B-1", actor: "site:A")
        #expect(try store.confirm("B-2", actor: "site:A").value?.status == .confirmed)
    }

    @Test("transitions outside the lifecycle are refused with the rule", arguments: StoreBackend.allCases)
    func invalidTransitions(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "site:A")
        #expect(throws: StoreError.invalidTransition("B-1", from: .proposed, to: .done)) {
            try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "x")
        }
        try store.cancel("B-1", actor: "x")
        let error = #expect(throws: StoreError.self) { try store.confirm("B-1", actor: "x") }
        #expect(error == .invalidTransition("B-1", from: .cancelled, to: .confirmed))
        #expect(error?.description.contains("proposed → confirmed → done | noShow | notHeld") == true)
        let times = BookingTimes(start: StoreFixture.at(14, 0), end: StoreFixture.at(14, 30))
        #expect(throws: StoreError.notReschedulable("B-1", status: .cancelled)) {
            try store.reschedule("B-1", to: times, expectedVersion: nil, route: nil, actor: "x")
        }
    }

    @Test("a change made from a stale version is refused", arguments: StoreBackend.allCases)
    func staleVersion(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        #expect(throws: StoreError.versionMismatch("B-1", expected: 3, actual: 1)) {
            try store.confirm("B-1", expectedVersion: 3, actor: "x")
        }
    }

    @Test("proposals are refused for an existing id or an unknown reference", arguments: StoreBackend.allCases)
    func proposalChecks(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        #expect(throws: StoreError.bookingExists("B-1")) {
            try store.propose(StoreFixture.booking("B-1", request: 2, hour: 9), actor: "x")
        }
        #expect(throws: StoreError.unknownReference("specialist SP-404")) {
            try store.propose(StoreFixture.booking("B-2", request: 2, specialist: "SP-404", hour: 9), actor: "x")
        }
        #expect(throws: StoreError.bookingNotFound("B-404")) { try store.confirm("B-404", actor: "x") }
    }

    @Test(
        "hostile booking ids and actors are stored verbatim",
        arguments: [#"B'1"; DROP TABLE bookings; --"#, "B-\u{1F3E5}-é", String(repeating: "x", count: 1_048_576)])
    func hostileIds(_ text: String) throws {
        let (database, store) = try StoreFixture.database()
        let scenario = try database.exportScenario()
        try store.propose(StoreFixture.booking(text, request: 1, hour: 9), actor: text)
        #expect(try store.confirm(Booking.ID(text), actor: text).value?.id.rawValue == text)
        var after = try database.exportScenario()
        #expect(after.bookings.map(\.id.rawValue) == [text])
        after.bookings = []
        #expect(after == scenario)
        #expect(try database.auditEntries(limit: 1).first?.actor == text)
    }

    @Test("a NUL in a booking id is refused and nothing is stored", arguments: StoreBackend.allCases)
    func nulBookingId(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        let audit = try database.auditEntries().count
        #expect(throws: StoreError.invalidText(field: "bookings.id")) {
            try store.propose(StoreFixture.booking("B\u{0}1", request: 1, hour: 9), actor: "x")
        }
        #expect(try database.exportScenario().bookings.isEmpty)
        #expect(try database.auditEntries().count == audit)
    }

    @Test("bookings are listed by site, specialist and unit day", arguments: StoreBackend.allCases)
    func queries(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        try store.propose(StoreFixture.booking("B-2", request: 8, specialist: "SP-2", hour: 10), actor: "x")
        try store.propose(StoreFixture.booking("B-3", request: 3, hour: 10, host: .unitVisit("U-1")), actor: "x")
        let day = UTCInterval(start: StoreFixture.at(0, 0), end: StoreFixture.at(0, 0, day: 1))
        #expect(try store.bookings(atSite: "A", startingIn: day).map(\.id) == ["B-1", "B-3"])
        #expect(try store.bookings(ofSpecialist: "SP-2", startingIn: day).map(\.id) == ["B-2"])
        #expect(try store.bookings(hostedBy: "U-1", on: StoreFixture.monday).map(\.id) == ["B-3"])
        #expect(try store.bookings(hostedBy: "U-1", on: StoreFixture.monday.adding(days: 1)).isEmpty)
    }
}
