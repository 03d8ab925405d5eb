import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Consent: a live teleconsultation is confirmed only with the resident's consent")
struct ConsentStoreTests {
    /// The store fixture (every request live with consent) with `request`'s consent removed.
    static func database(withoutConsentOn request: ConsultationRequest.ID = "R-1", _ backend: StoreBackend) throws
        -> DatabaseBookingStore
    {
        var scenario = StoreFixture.scenario()
        let index = try #require(scenario.requests.firstIndex { $0.id == request })
        scenario.requests[index].consent = nil
        let database = try backend.open()
        try database.importScenario(scenario, actor: "test")
        return DatabaseBookingStore(database)
    }

    @Test(
        "confirming a proposed live booking without consent is refused and writes nothing; with it, accepted",
        arguments: StoreBackend.allCases)
    func confirm(_ backend: StoreBackend) throws {
        let store = try Self.database(backend)
        let without = try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "test")
        let generation = try store.database.changeGeneration()
        #expect(throws: StoreError.consentMissing("R-1")) {
            try store.confirm(without.id, expectedVersion: nil, route: nil, actor: "test")
        }
        #expect(try store.booking("B-1")?.status == .proposed)
        #expect(try store.database.changeGeneration() == generation)
        let with = try store.propose(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "test")
        #expect(try store.confirm(with.id, expectedVersion: nil, route: nil, actor: "test").value?.status == .confirmed)
    }

    @Test(
        "booking straight from a proposal, alone or in a group commit, is refused without consent",
        arguments: StoreBackend.allCases)
    func book(_ backend: StoreBackend) async throws {
        let store = try Self.database(backend)
        #expect(throws: StoreError.consentMissing("R-1")) {
            try store.book(StoreFixture.booking("B-1", request: 1, hour: 9), route: nil, replacing: nil, actor: "test")
        }
        let results = try await store.book([
            BookingIntent(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "test"),
            BookingIntent(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "test"),
        ])
        #expect(throws: StoreError.consentMissing("R-1")) { try results[0].get() }
        #expect(try results[1].get().value?.id == "B-2")
        #expect(try store.booking("B-1") == nil)
    }

    @Test("async tele-expertise and crew sessions need no consent to be confirmed")
    func otherModesNeedNone() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests[0].consent = nil
        scenario.requests[0].mode = .async
        scenario.requests[1].consent = nil
        scenario.requests[1].mode = .crew
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        try database.database.read { db in
            try DatabaseBookingStore.requireConsent(for: StoreFixture.booking("B-1", request: 1, hour: 9), db)
            try DatabaseBookingStore.requireConsent(for: StoreFixture.booking("B-2", request: 2, hour: 9), db)
        }
    }

    @Test("consent is stored with its request and read back; a scenario written before consent still imports")
    func roundTrip() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        let exported = try database.exportScenario()
        #expect(exported.requests.map(\.consent) == StoreFixture.scenario().requests.map(\.consent))
        #expect(try database.request(id: "R-1")?.consent?.givenBy == .resident)
        let older = try ScenarioCoder.load(contentsOf: StoreFixture.smallScenarioURL)
        #expect(older.requests.allSatisfy { $0.consent == nil })
        let other = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try other.importScenario(older, actor: "test")
        #expect(try other.exportScenario().requests == older.requests)
    }
}
