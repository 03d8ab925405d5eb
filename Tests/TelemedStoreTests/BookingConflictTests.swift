import Foundation
import TelemedCore
import TelemedSolver
import Testing

@testable import TelemedStore

/// One test per rule another booking (or a route) can break at confirmation: the conflict names
/// the rule and the other booking, and nothing changes.
@Suite("Confirmation re-check")
struct BookingConflictTests {
    /// Proposes and confirms `first` (must succeed), proposes `second`, confirms it and returns the
    /// conflict after checking that nothing changed.
    private func conflict(
        first: [Booking], second: Booking, route: UnitRoute? = nil,
        database: (TelemedDatabase, DatabaseBookingStore)? = nil
    ) throws -> BookingConflict? {
        let (database, store) = try database ?? StoreFixture.database()
        if let route {
            let saved = try store.saveRoute(route, actor: "planner")
            #expect(saved.value != nil, "\(saved)")
        }
        for booking in first {
            try store.propose(booking, actor: "x")
            #expect(try store.confirm(booking.id, actor: "x").value != nil, "\(booking.id)")
        }
        try store.propose(second, actor: "x")
        let before = (try database.exportScenario(), try database.auditEntries().count)
        let outcome = try store.confirm(second.id, actor: "x")
        if outcome.conflict != nil {
            #expect(try database.exportScenario() == before.0)
            #expect(try database.auditEntries().count == before.1)
        }
        return outcome.conflict
    }

    @Test("specialistNoOverlap: the same specialist at overlapping times")
    func specialistOverlap() throws {
        let found = try conflict(
            first: [StoreFixture.booking("B-1", request: 1, hour: 9)],
            second: StoreFixture.booking("B-2", request: 8, hour: 9, minute: 15))
        #expect(found?.constraints == [.specialistNoOverlap])
        #expect(found?.otherBookingIds == ["B-1"])
        #expect(found?.description.contains("specialistNoOverlap with B-1") == true)
    }

    @Test("specialistDailyMax: a third session on a day that allows two")
    func dailyMax() throws {
        let found = try conflict(
            first: [
                StoreFixture.booking("B-1", request: 1, hour: 9), StoreFixture.booking("B-2", request: 2, hour: 10),
            ],
            second: StoreFixture.booking("B-3", request: 3, hour: 15))
        #expect(found?.constraints == [.specialistDailyMax])
        #expect(found?.otherBookingIds == ["B-1", "B-2"])
    }

    @Test("roomFree: two site-hosted bookings at once in a one-room site")
    func roomFree() throws {
        let found = try conflict(
            first: [StoreFixture.booking("B-1", request: 1, hour: 9)],
            second: StoreFixture.booking("B-2", request: 2, specialist: "SP-2", hour: 9))
        #expect(found?.constraints == [.roomFree])
        #expect(found?.otherBookingIds == ["B-1"])
    }

    @Test("patientNoOverlap: one patient at two sites at once")
    func patientOverlap() throws {
        let found = try conflict(
            first: [StoreFixture.booking("B-1", request: 7, hour: 9)],
            second: StoreFixture.booking("B-2", request: 8, specialist: "SP-2", hour: 9))
        #expect(found?.constraints == [.patientNoOverlap])
        #expect(found?.otherBookingIds == ["B-1"])
    }

    @Test("unitPresent: a unit-hosted booking on a day without the unit there")
    func unitAbsent() throws {
        let found = try conflict(
            first: [], second: StoreFixture.booking("B-1", request: 1, hour: 9, host: .unitVisit("U-1")))
        #expect(found?.constraints == [.unitPresent])
        #expect(found?.otherBookingIds == [])
    }

    @Test("a unit-hosted booking inside the stored route is confirmed", arguments: StoreBackend.allCases)
    func unitPresent(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        let saved = try store.saveRoute(StoreFixture.route(), actor: "planner")
        #expect(saved.value != nil, "\(saved)")
        try store.propose(
            StoreFixture.booking("B-1", request: 1, hour: 9, minute: 30, host: .unitVisit("U-1")), actor: "x")
        let confirmed = try store.confirm("B-1", actor: "x")
        #expect(confirmed.value != nil, "\(confirmed)")
        #expect(try database.check().isValid)
    }

    @Test("unitRouteFeasible: a third booking on a unit day of capacity 2")
    func unitCapacity() throws {
        let found = try conflict(
            first: [
                StoreFixture.booking("B-1", request: 1, hour: 9, minute: 30, host: .unitVisit("U-1")),
                StoreFixture.booking("B-2", request: 2, specialist: "SP-2", hour: 10, host: .unitVisit("U-1")),
            ],
            second: StoreFixture.booking("B-3", request: 3, specialist: "SP-2", hour: 11, host: .unitVisit("U-1")),
            route: StoreFixture.route())
        #expect(found?.constraints == [.unitRouteFeasible])
        #expect(found?.otherBookingIds == ["B-1", "B-2"])
    }

    @Test("a route change that strands a confirmed unit booking is refused", arguments: StoreBackend.allCases)
    func routeStrandsBooking(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        #expect(try store.saveRoute(StoreFixture.route(), actor: "planner").value != nil)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 11, host: .unitVisit("U-1")), actor: "x")
        #expect(try store.confirm("B-1", actor: "x").value != nil)
        let shorter = StoreFixture.route(departure: (10, 30))
        let outcome = try store.saveRoute(shorter, actor: "planner")
        #expect(outcome.conflict?.constraints == [.unitPresent])
        #expect(outcome.conflict?.otherBookingIds == ["B-1"])
        #expect(try store.route(shorter.key) == StoreFixture.route())
    }

    @Test("a confirmation may bring the route that hosts it, checked with it", arguments: StoreBackend.allCases)
    func confirmWithRoute(_ backend: StoreBackend) throws {
        let (_, store) = try StoreFixture.database(backend)
        try store.propose(
            StoreFixture.booking("B-1", request: 1, hour: 9, minute: 30, day: 1, host: .unitVisit("U-1")), actor: "x")
        let route = StoreFixture.route(day: 1)
        #expect(try store.confirm("B-1", expectedVersion: nil, route: route, actor: "x").value != nil)
        #expect(try store.route(route.key) == route)
    }

    @Test("a crew-only booking (no specialist) is stored and confirmed on its unit's route")
    func crewBooking() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests.append(
            ConsultationRequest(
                id: "R-9", siteId: "A", patientRef: "P-9", specialty: .generalPractice, mode: .crew,
                requiredEquipment: [], durationMinutes: 30, urgency: .routine, releaseDate: StoreFixture.monday, load: 2
            ))
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        let store = DatabaseBookingStore(database)
        var crew = StoreFixture.booking("B-9", request: 9, hour: 10, host: .unitVisit("U-1"))
        crew.specialistId = nil
        try store.propose(crew, actor: "x")
        let outcome = try store.confirm("B-9", expectedVersion: nil, route: StoreFixture.route(), actor: "x")
        #expect(outcome.value?.specialistId == nil, "\(outcome)")
        #expect(try database.exportScenario().bookings.first?.specialistId == nil)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 10, host: .unitVisit("U-1")), actor: "x")
        #expect(try store.confirm("B-1", actor: "x").conflict?.otherBookingIds == ["B-9"])
    }

    @Test("rules about the booking alone are re-checked too: a closed site is refused")
    func siteClosed() throws {
        let found = try conflict(first: [], second: StoreFixture.booking("B-1", request: 1, hour: 9, day: 5))
        #expect(found?.constraints.contains(.siteOpen) == true)
    }

    @Test("a booking of another day, specialist, room and patient does not collide")
    func noCollision() throws {
        let found = try conflict(
            first: [StoreFixture.booking("B-1", request: 1, hour: 9)],
            second: StoreFixture.booking("B-2", request: 8, specialist: "SP-2", hour: 9))
        #expect(found == nil)
    }

    @Test("specialistNoOverlap with an async review days after its capture, both ways round")
    func reviewOverlap() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests[2].mode = .async
        scenario.asyncReviewDays = 3
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        // R-3 is captured on Monday 09:00 by SP-1 and reviewed on Wednesday 10:00.
        var capture = StoreFixture.booking("B-3", request: 3, hour: 9)
        capture.review = UTCInterval(start: StoreFixture.at(10, 0, day: 2), end: StoreFixture.at(10, 30, day: 2))
        let live = StoreFixture.booking("B-1", request: 1, hour: 10, day: 2)
        let reviewFirst = try conflict(
            first: [capture], second: live, database: (database, DatabaseBookingStore(database)))
        #expect(reviewFirst?.constraints == [.specialistNoOverlap])
        #expect(reviewFirst?.otherBookingIds == ["B-3"])

        let other = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try other.importScenario(scenario, actor: "test")
        let liveFirst = try conflict(first: [live], second: capture, database: (other, DatabaseBookingStore(other)))
        #expect(liveFirst?.otherBookingIds == ["B-1"])
    }

    @Test("an availability change made through another connection is seen by the next confirmation")
    func entityCacheFollowsOtherConnections() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        let server = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        try server.importScenario(StoreFixture.scenario(), actor: "test")
        let store = DatabaseBookingStore(server)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "x")
        #expect(try store.confirm("B-1", actor: "x").value != nil)
        // Another process (here a second connection pool) marks SP-1 away on Tuesday.
        let cli = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        let away = AvailabilityException(
            kind: .unavailable, start: StoreFixture.at(8, 0, day: 1), end: StoreFixture.at(18, 0, day: 1))
        try cli.updateExceptions(ofSpecialist: "SP-1", actor: "cli") { $0 + [away] }
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 9, day: 1), actor: "x")
        #expect(try store.confirm("B-2", actor: "x").conflict?.constraints == [.specialistAvailable])
    }
}
