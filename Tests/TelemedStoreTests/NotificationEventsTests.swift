import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// The events beyond a booking's own: a frozen route that changed (to the crew), the day-before
/// digests, and who is mailed each event.
@Suite("Route changes, digests and recipients")
struct NotificationEventsTests {
    static func events(_ database: TelemedDatabase, _ kind: NotificationKind) throws -> [NotificationEvent] {
        try database.outboxEvents().filter { $0.type == kind }
    }

    static func giveAddresses(_ database: TelemedDatabase) throws {
        try database.database.write { db in
            try db.execute(sql: "UPDATE sites SET email = 'accueil.' || lower(id) || '@example.org'")
            try db.execute(sql: "UPDATE specialists SET email = 'secretariat.' || lower(id) || '@example.org'")
            try db.execute(sql: "UPDATE units SET email = 'equipe.' || lower(id) || '@example.org'")
        }
    }

    @Test(
        "a unit stop changed after the route's cut-off tells the crew; before the cut-off, nobody",
        arguments: StoreBackend.allCases)
    func routeChanged(_ backend: StoreBackend) throws {
        // Tuesday's route freezes at 18:00 on Monday (the unit's default cut-off).
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(17, 0), backend)
        #expect(try store.saveRoute(StoreFixture.route(day: 1), actor: "planner").value != nil)
        let booking = StoreFixture.booking("B-1", request: 1, hour: 9, minute: 30, day: 1, host: .unitVisit("U-1"))
        #expect(try store.book(booking, route: nil, replacing: nil, actor: "site:A").value != nil)
        #expect(try Self.events(database, .routeChanged).isEmpty, "before the cut-off the route still moves")

        time.set(to: StoreFixture.at(18, 0))
        try store.cancel("B-1", actor: "site:A")
        let changed = try #require(try Self.events(database, .routeChanged).first)
        #expect(changed.route == NotifiedRoute(unitId: "U-1", date: StoreFixture.monday.adding(days: 1)))
        #expect(changed.booking?.status == .cancelled)
        #expect(try Self.events(database, .routeChanged).count == 1)
        #expect(try Self.events(database, .bookingCancelled).count == 1, "the site still hears of the cancellation")
    }

    @Test("a day already over, or a session at the site, is no route change", arguments: StoreBackend.allCases)
    func notRouteChanges(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(19, 0), backend)
        _ = try store.book(
            StoreFixture.booking("B-1", request: 1, hour: 9, day: 1), route: nil, replacing: nil, actor: "site:A")
        time.set(to: StoreFixture.at(8, 0, day: 1))
        try store.cancel("B-1", actor: "site:A")
        #expect(try Self.events(database, .routeChanged).isEmpty)
    }

    @Test(
        "tomorrow's digests: one per site and per specialist with confirmed sessions, once a day",
        arguments: StoreBackend.allCases)
    func digests(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0), backend)
        for (id, request, specialist, hour) in [
            ("B-1", 1, Specialist.ID("SP-1"), 11), ("B-2", 2, "SP-2", 9), ("B-3", 8, "SP-2", 10),
        ] {
            _ = try store.book(
                StoreFixture.booking(id, request: request, specialist: specialist, hour: hour, day: 1), route: nil,
                replacing: nil, actor: "t")
        }
        try store.propose(StoreFixture.booking("B-4", request: 3, hour: 14, day: 1), actor: "plan")
        _ = try store.book(
            StoreFixture.booking("B-5", request: 4, hour: 9, day: 2), route: nil, replacing: nil, actor: "t")
        time.set(to: StoreFixture.at(17, 0))
        #expect(try database.recordDigests(for: StoreFixture.monday.adding(days: 1)) == 4)
        #expect(try database.recordDigests(for: StoreFixture.monday.adding(days: 1)) == 0, "once per day")
        let digests = try Self.events(database, .reminderDigest).compactMap(\.digest)
        let bySite = Dictionary(uniqueKeysWithValues: digests.compactMap { d in d.siteId.map { ($0, d) } })
        let bySpecialist = Dictionary(uniqueKeysWithValues: digests.compactMap { d in d.specialistId.map { ($0, d) } })
        #expect(bySite["A"]?.sessions.map(\.id) == ["B-2", "B-1"], "in start order; the proposed B-4 is left out")
        #expect(bySite["B"]?.sessions.map(\.id) == ["B-3"])
        #expect(bySpecialist["SP-1"]?.sessions.map(\.id) == ["B-1"])
        #expect(bySpecialist["SP-2"]?.sessions.map(\.id) == ["B-2", "B-3"])
        #expect(digests.allSatisfy { $0.date == StoreFixture.monday.adding(days: 1) })
        // A booking made after the digest went out does not make a second one.
        _ = try store.book(
            StoreFixture.booking("B-6", request: 5, hour: 15, day: 1), route: nil, replacing: nil, actor: "t")
        #expect(try database.recordDigests(for: StoreFixture.monday.adding(days: 1)) == 0)
    }

    @Test(
        "e-mail goes to the people an event concerns, once each, and only when the server has a relay",
        arguments: StoreBackend.allCases)
    func recipients(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(17, 0), backend)
        try Self.giveAddresses(database)
        #expect(try store.saveRoute(StoreFixture.route(day: 1), actor: "planner").value != nil)
        _ = try store.book(
            StoreFixture.booking("B-1", request: 1, hour: 9, minute: 30, day: 1, host: .unitVisit("U-1")),
            route: nil, replacing: nil, actor: "t")
        #expect(try database.fanOutEvents() == 0, "no webhook and no relay: nobody")

        _ = try store.book(
            StoreFixture.booking("B-2", request: 2, hour: 10, day: 2), route: nil, replacing: nil, actor: "t")
        _ = try store.book(
            StoreFixture.booking("B-3", request: 2, specialist: "SP-2", hour: 11, day: 2), route: nil,
            replacing: "B-2", actor: "t")
        time.set(to: StoreFixture.at(18, 30))
        try store.cancel("B-1", actor: "t")
        try database.database.write { db in try db.execute(sql: "UPDATE sites SET email = NULL WHERE id = 'B'") }
        _ = try store.book(
            StoreFixture.booking("B-8", request: 8, specialist: "SP-2", hour: 9, day: 3), route: nil, replacing: nil,
            actor: "t")
        #expect(try database.fanOutEvents(email: true) > 0)
        let targets = try database.dueDeliveries(limit: 100).reduce(into: [String: [String]]()) { found, delivery in
            found["\(delivery.event.type.rawValue) \(delivery.event.booking?.id.rawValue ?? "")", default: []]
                .append(delivery.target)
        }
        #expect(
            targets["booking.moved B-3"]?.sorted() == [
                "accueil.a@example.org", "secretariat.sp-1@example.org", "secretariat.sp-2@example.org",
            ], "a move tells the site and both specialists, once each")
        #expect(
            targets["booking.cancelled B-1"]?.sorted() == ["accueil.a@example.org", "secretariat.sp-1@example.org"])
        #expect(targets["route.changed B-1"] == ["equipe.u-1@example.org"], "the crew hears of the frozen route only")
        #expect(targets["booking.confirmed B-8"] == ["secretariat.sp-2@example.org"], "a site without an address")
        #expect(targets.filter { $0.value.contains("equipe.u-1@example.org") }.keys.sorted() == ["route.changed B-1"])
    }
}
