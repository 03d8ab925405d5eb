import Foundation
import GRDB
import TelemedCore
import TelemedSolver
import Testing

@testable import TelemedStore

@Suite("Outbox: each notifiable change writes its event in its own transaction")
struct OutboxStoreTests {
    static func kinds(_ database: TelemedDatabase) throws -> [String] {
        try database.outboxEvents().map(\.type.rawValue)
    }

    @Test(
        "confirmations, moves, cancellations of confirmed sessions and outcomes are events; proposals are not",
        arguments: StoreBackend.allCases)
    func whatIsNotified(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0, day: -7), backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "setup")
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "setup")
        try store.cancel("B-2", actor: "site:A")
        #expect(try Self.kinds(database).isEmpty, "a proposal made or withdrawn is nobody's news")
        _ = try store.confirm("B-1", actor: "site:A")
        _ = try store.book(
            StoreFixture.booking("B-3", request: 3, hour: 11), route: nil, replacing: nil, actor: "site:A")
        let times = BookingTimes(start: StoreFixture.at(14, 0), end: StoreFixture.at(14, 30))
        _ = try store.reschedule("B-1", to: times, expectedVersion: nil, route: nil, actor: "site:A")
        _ = try store.book(
            StoreFixture.booking("B-4", request: 3, hour: 15), route: nil, replacing: "B-3", actor: "site:A")
        try store.cancel("B-4", actor: "site:A")
        time.set(to: StoreFixture.at(14, 40))
        _ = try store.recordOutcome("B-1", .done, reason: nil, expectedVersion: nil, actor: "site:A")
        #expect(
            try Self.kinds(database) == [
                "booking.confirmed", "booking.confirmed", "booking.moved", "booking.moved", "booking.cancelled",
                "booking.outcome",
            ])
        let moved = try #require(try database.outboxEvents().filter { $0.type == .bookingMoved }.last)
        #expect(moved.booking?.id == "B-4" && moved.previous?.id == "B-3")
        #expect(moved.previous?.start == StoreFixture.at(11, 0) && moved.booking?.start == StoreFixture.at(15, 0))
    }

    @Test("a refused confirmation writes no event; the same change never makes two", arguments: StoreBackend.allCases)
    func atomic(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "t")
        let clash = try store.book(
            StoreFixture.booking("B-2", request: 2, hour: 9), route: nil, replacing: nil, actor: "t")
        #expect(clash.conflict != nil)
        #expect(try Self.kinds(database) == ["booking.confirmed"])
        let booking = try #require(try store.booking("B-1"))
        try database.database.write { db in
            try NotificationRows.record(.bookingConfirmed, booking: booking, at: StoreFixture.at(8, 0), db)
        }
        #expect(try database.outboxEvents().count == 1)
        #expect(
            NotificationRows.eventId(.bookingConfirmed, booking) != NotificationRows.eventId(.bookingCancelled, booking)
        )
    }

    @Test(
        "every kind of event carries pseudonymous references only: no notes, no name", arguments: StoreBackend.allCases)
    func pseudonymous(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0, day: -7), backend)
        try database.database.write { db in
            try db.execute(sql: "UPDATE requests SET notes = 'Mme Dupont, plaie infectée'")
        }
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "t")
        _ = try store.book(StoreFixture.booking("B-2", request: 1, hour: 11), route: nil, replacing: "B-1", actor: "t")
        _ = try store.book(StoreFixture.booking("B-3", request: 3, hour: 13), route: nil, replacing: nil, actor: "t")
        try store.cancel("B-3", actor: "t")
        try database.joinWaitlist("R-4", wantsBefore: nil, actor: "t")
        let held = StoreFixture.booking("unused", request: 4, hour: 15)
        _ = try store.hold(
            .waitlistOffer(
                id: "P-9", requestId: "R-4", createdAt: time.instant, expiresAt: StoreFixture.at(12, 0),
                proposal: Proposal(
                    specialistId: held.specialistId, siteId: held.siteId, start: held.start, end: held.end,
                    review: nil, host: .siteEquipment, daysLate: 0)), actor: "waitlist")
        time.set(to: StoreFixture.at(11, 40))
        _ = try store.recordOutcome("B-2", .noShow, reason: .residentDeclined, expectedVersion: nil, actor: "t")
        // A unit stop of tomorrow cancelled after the route's cut-off, and tomorrow's digests.
        #expect(try store.saveRoute(StoreFixture.route(day: 1), actor: "planner").value != nil)
        _ = try store.book(
            StoreFixture.booking("B-5", request: 5, hour: 9, minute: 30, day: 1, host: .unitVisit("U-1")), route: nil,
            replacing: nil, actor: "t")
        _ = try store.book(
            StoreFixture.booking("B-6", request: 6, hour: 14, day: 1), route: nil, replacing: nil, actor: "t")
        time.set(to: StoreFixture.at(18, 30))
        try store.cancel("B-5", actor: "t")
        #expect(try database.recordDigests(for: StoreFixture.monday.adding(days: 1)) > 0)
        let stored = try database.database.read { db in
            try db.fetchAll(sql: "SELECT kind, event FROM outbox ORDER BY \(db.dialect.insertionOrder)").map {
                ($0["kind"] as String, $0["event"] as String)
            }
        }
        #expect(Set(stored.map(\.0)) == Set(NotificationKind.allCases.map(\.rawValue)), "every kind is checked")
        for (kind, event) in stored {
            #expect(event.contains("\"patientRef\":\"P-"), "\(kind)")
            #expect(!event.contains("Dupont") && !event.contains("plaie") && !event.contains("notes"), "\(kind)")
        }
    }

    @Test(
        "fan-out makes one delivery per webhook that takes the kind; retries, death and replay",
        arguments: StoreBackend.allCases)
    func deliveries(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0, day: -7), backend)
        let seal = SecretSeal(key: KeyFile.random())
        let confirmations = try database.addWebhook(
            url: URL(string: "https://hooks.example.org/a")!, events: [.bookingConfirmed], seal: seal, actor: "t")
        _ = try database.addWebhook(
            url: URL(string: "https://hooks.example.org/b")!, events: [.bookingCancelled], seal: seal, actor: "t")
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "t")
        #expect(try database.fanOutEvents() == 1)
        #expect(try database.fanOutEvents() == 0, "an event is fanned out once")
        let due = try database.dueDeliveries()
        #expect(due.map(\.target) == [confirmations.webhook.id])
        #expect(due.first?.event.type == .bookingConfirmed)
        let id = try #require(due.first?.id)
        let later = time.instant.addingTimeInterval(10)
        try database.markFailed(id, error: "the endpoint answered 500", retryAt: later)
        #expect(try database.dueDeliveries().isEmpty)
        #expect(try database.nextDeliveryAt() == later)
        time.set(to: later)
        #expect(try database.dueDeliveries().map(\.attempts) == [1])
        try database.markFailed(id, error: "the endpoint answered 500", retryAt: nil)
        #expect(try database.deliveries(in: .dead).map(\.id) == [id])
        let replayed = try database.replayDelivery(id, actor: "admin")
        #expect(replayed.state == .pending && replayed.attempts == 0)
        try database.markDelivered(id)
        #expect(try database.deliveries(in: .delivered).map(\.id) == [id])
        #expect(throws: StoreError.unknownReference("delivery 999")) { try database.replayDelivery(999, actor: "a") }
    }

    @Test(
        "events done with are forgotten after the retention; pending ones and recent ones stay",
        arguments: StoreBackend.allCases)
    func retention(_ backend: StoreBackend) throws {
        let (database, store, time) = try StoreFixture.database(at: StoreFixture.at(8, 0, day: -7), backend)
        _ = try database.addWebhook(
            url: URL(string: "https://hooks.example.org/a")!, events: [.bookingConfirmed],
            seal: SecretSeal(key: KeyFile.random()), actor: "t")
        _ = try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "t")
        _ = try store.book(StoreFixture.booking("B-2", request: 2, hour: 10), route: nil, replacing: nil, actor: "t")
        try database.fanOutEvents()
        let due = try database.dueDeliveries()
        try database.markDelivered(due[0].id)
        time.set(to: time.instant.addingTimeInterval(3600))
        #expect(try database.purgeEvents(before: time.instant.addingTimeInterval(-7200)) == 0, "too recent")
        #expect(try database.purgeEvents(before: time.instant) == 1, "the delivered one; the pending one stays")
        #expect(try database.outboxEvents().map(\.booking?.id) == ["B-2"])
        #expect(try database.dueDeliveries().count == 1)
    }

    @Test(
        "secrets are sealed: the right key opens them, another does not, and the database alone holds none",
        arguments: StoreBackend.allCases)
    func sealedSecrets(_ backend: StoreBackend) throws {
        let (database, _) = try StoreFixture.database(backend)
        let key = KeyFile.random()
        let (webhook, secret) = try database.addWebhook(
            url: URL(string: "http://127.0.0.1:9/hook")!, events: [.bookingOutcome], seal: SecretSeal(key: key),
            actor: "t")
        #expect(secret.hasPrefix("whsec_") && secret.count == 70)
        #expect(try database.webhookSecret(webhook.id, seal: SecretSeal(key: key))?.secret == secret)
        #expect(throws: StoreError.sealFailed) {
            try database.webhookSecret(webhook.id, seal: SecretSeal(key: KeyFile.random()))
        }
        let stored = try database.database.read { db in
            try db.fetchOne(Data.self, sql: "SELECT sealedSecret FROM webhooks")
        }
        #expect(stored.map { !$0.contains(Data(secret.utf8)) } == true)
        let audit = try database.auditEntries(limit: 1).first
        #expect(audit?.action == "webhook.add" && audit?.after?.contains(secret) == false)
        try database.removeWebhook(webhook.id, actor: "t")
        #expect(try database.webhooks().isEmpty)
        #expect(throws: StoreError.unknownReference("webhook \(webhook.id)")) {
            try database.removeWebhook(webhook.id, actor: "t")
        }
        #expect(throws: StoreError.self) {
            try database.addWebhook(
                url: URL(string: "ftp://x.example.org")!, events: [.bookingOutcome], seal: SecretSeal(key: key),
                actor: "t")
        }
    }
}

extension Data {
    fileprivate func contains(_ other: Data) -> Bool { range(of: other) != nil }
}
