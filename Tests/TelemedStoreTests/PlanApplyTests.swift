import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Plan apply")
struct PlanApplyTests {
    /// A week before the fixture's first day: nothing is frozen yet.
    private static let appliedAt = StoreFixture.at(7, 0, day: -7)

    private static func plan(_ bookings: [Booking], routes: [UnitRoute] = [], unassigned: [Int] = []) -> Plan {
        Plan(
            bookings: bookings, visits: routes.flatMap(\.visits), unitDays: routes.map(\.day),
            unassigned: unassigned.map {
                UnassignedRequest(
                    requestId: ConsultationRequest.ID("R-\($0)"), constraint: .specialtyMatch, reason: "test")
            }, score: PlanScore(hard: 0, served: bookings.count, soft: 0))
    }

    private static func run(_ database: TelemedDatabase) throws -> PlanRun {
        let run = PlanRun(
            id: "plan-1", kind: "reoptimise", status: .running, createdAt: StoreFixture.at(6, 0), scenarioHash: "x")
        try database.savePlanRun(run)
        return run
    }

    /// Applies `plan` as a run that read `basis` at entity generation `generation` (0: as imported).
    private static func apply(
        _ plan: Plan, _ store: DatabaseBookingStore, basis: [Booking], generation: Int64? = nil,
        at now: Date = appliedAt
    ) throws -> PlanApplication {
        let run = try run(store.database)
        let done = try store.apply(
            plan, to: run, readFrom: basis, entityGeneration: try generation ?? store.database.entityGeneration(),
            actor: "planner", at: now)
        #expect(done.status == .finished && done.plan == plan)
        #expect(try store.database.planRun(id: run.id) == done)
        return try #require(done.applied)
    }

    /// The audit entries the apply wrote, oldest first.
    private static func plannerEntries(_ database: TelemedDatabase) throws -> [String] {
        try database.auditEntries().reversed().filter { $0.actor == "planner" }.map { "\($0.action) \($0.entityId)" }
    }

    @Test(
        "proposed bookings are moved, cancelled or added by the plan; committed ones are never written",
        arguments: StoreBackend.allCases)
    func proposedWorkReplaced(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "setup")
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "setup")
        try store.propose(StoreFixture.booking("B-3", request: 3, specialist: "SP-2", hour: 11), actor: "setup")
        let committed = try #require(try store.confirm("B-3", actor: "site:A").value)
        try store.propose(StoreFixture.booking("B-5", request: 5, specialist: "SP-2", hour: 14), actor: "setup")
        // Request 6's booking was cancelled; its id is taken.
        try store.propose(StoreFixture.booking("B-R-6", request: 6, hour: 16), actor: "setup")
        try store.cancel("B-R-6", actor: "site:A")
        let basis = try database.schedule().scenario.bookings

        let plan = Self.plan(
            [
                committed,
                StoreFixture.booking("B-R-1", request: 1, specialist: "SP-2", hour: 9, day: 1),
                StoreFixture.booking("B-R-4", request: 4, hour: 15),
                StoreFixture.booking("B-R-5", request: 5, specialist: "SP-2", hour: 14),
                StoreFixture.booking("B-R-6", request: 6, hour: 16, day: 2),
            ], unassigned: [2])
        let applied = try Self.apply(plan, store, basis: basis)

        #expect(applied.rescheduled == 1 && applied.cancelled == 1 && applied.added == 2 && applied.unchanged == 1)
        #expect(applied.skipped == 0 && applied.committedChanged == 0 && applied.skips.isEmpty)
        let moved = try #require(try store.booking("B-1"))
        #expect(moved.status == .proposed && moved.version == 2)
        #expect(moved.specialistId == "SP-2" && moved.start == StoreFixture.at(9, 0, day: 1))
        #expect(try store.booking("B-2")?.status == .cancelled)
        #expect(try store.booking("B-R-4")?.status == .proposed)
        #expect(try store.booking("B-R-6-2")?.start == StoreFixture.at(16, 0, day: 2))
        #expect(try store.booking("B-5")?.version == 1)
        #expect(try store.booking("B-3") == committed)
        #expect(
            try Self.plannerEntries(database) == [
                "booking.reschedule B-1", "booking.cancelled B-2", "booking.propose B-R-4",
                "booking.propose B-R-6-2", "plan.apply plan-1",
            ])
        #expect(try database.check().isValid)
    }

    @Test(
        "unit routes are replaced by the plan's, and a day the plan no longer uses is removed",
        arguments: StoreBackend.allCases)
    func routesReplaced(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        for day in [0, 2] { #expect(try store.saveRoute(StoreFixture.route(day: day), actor: "setup").value != nil) }
        let basis = try database.schedule().scenario.bookings
        let shorter = StoreFixture.route(day: 0, departure: (11, 0))
        let added = StoreFixture.route(day: 1)
        let plan = Self.plan(
            [
                StoreFixture.booking("B-R-4", request: 4, hour: 10, host: .unitVisit("U-1")),
                StoreFixture.booking("B-R-5", request: 5, hour: 10, day: 1, host: .unitVisit("U-1")),
            ], routes: [shorter, added])
        let applied = try Self.apply(plan, store, basis: basis)

        #expect(applied.routesReplaced == 2 && applied.routesRemoved == 1 && applied.routesKept == 0)
        #expect(applied.added == 2)
        #expect(try store.route(shorter.key) == shorter)
        #expect(try store.route(added.key) == added)
        #expect(try store.route(StoreFixture.route(day: 2).key) == nil)
        #expect(
            try Self.plannerEntries(database) == [
                "route.save U-1/2027-01-04", "route.save U-1/2027-01-05", "route.delete U-1/2027-01-06",
                "booking.propose B-R-4", "booking.propose B-R-5", "plan.apply plan-1",
            ])
        // The proposed unit bookings can be confirmed on the routes the apply stored.
        #expect(try store.confirm("B-R-4", actor: "site:A").value != nil)
        #expect(try store.confirm("B-R-5", actor: "site:A").value != nil)
    }

    @Test(
        "bookings committed while the run solved are never overwritten nor double-booked",
        arguments: StoreBackend.allCases)
    func concurrentConfirmations(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-2", request: 2, hour: 10), actor: "setup")
        try store.propose(StoreFixture.booking("B-3", request: 3, hour: 14), actor: "setup")
        let basis = try database.schedule().scenario.bookings
        // The plan the run made from `basis`.
        let plan = Self.plan(
            [
                StoreFixture.booking("B-R-1", request: 1, hour: 9),
                StoreFixture.booking("B-R-2", request: 2, hour: 11, day: 1),
                StoreFixture.booking("B-R-3", request: 3, specialist: "SP-2", hour: 15),
                StoreFixture.booking("B-R-4", request: 4, hour: 9, minute: 30, day: 3, host: .unitVisit("U-1")),
                StoreFixture.booking("B-R-5", request: 5, hour: 16, day: 4),
            ], routes: [StoreFixture.route(day: 3)])
        // Meanwhile: staff confirm B-2 where it is, and book SP-1 at 09:00 (where the plan puts
        // request 1) and unit U-1 at B on day 3 (the plan's route has it at A all morning).
        _ = try store.confirm("B-2", actor: "site:A")
        let taken = try #require(
            try store.book(
                StoreFixture.booking("B-6", request: 6, hour: 9, minute: 15), route: nil, replacing: nil,
                actor: "site:A"
            ).value)
        var atB = StoreFixture.route(day: 3)
        atB.visits[0].siteId = "B"
        let unitBooked = try #require(
            try store.book(
                StoreFixture.booking("B-8", request: 8, hour: 10, day: 3, host: .unitVisit("U-1")), route: atB,
                replacing: nil, actor: "site:B"
            ).value)

        let applied = try Self.apply(plan, store, basis: basis)

        #expect(applied.committedChanged == 3)
        #expect(applied.routesKept == 1 && applied.routesReplaced == 0)
        #expect(
            applied.skips == [
                .init(requestId: "R-1", reason: .collides, constraint: .specialistNoOverlap),
                .init(requestId: "R-2", reason: .changedSinceRun),
                .init(requestId: "R-4", reason: .routeKept),
            ])
        #expect(applied.skipped == 3 && applied.rescheduled == 1 && applied.added == 1)
        #expect(try store.booking("B-2")?.status == .confirmed)
        #expect(try store.booking("B-2")?.start == StoreFixture.at(10, 0))
        #expect(try store.booking("B-R-1") == nil)
        #expect(try store.booking("B-R-4") == nil)
        #expect(try store.booking("B-3")?.specialistId == "SP-2")
        #expect(try store.booking("B-R-5")?.status == .proposed)
        #expect(try store.booking("B-6") == taken && store.booking("B-8") == unitBooked)
        #expect(try store.route(atB.key) == atB)
        #expect(try database.check().isValid)
    }

    @Test(
        "a placement the specialist's new unavailability forbids is left out, though no booking moved",
        arguments: StoreBackend.allCases)
    func availabilityChangedMeanwhile(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        let generation = try database.entityGeneration()
        let basis = try database.schedule().scenario.bookings
        let plan = Self.plan([
            StoreFixture.booking("B-R-1", request: 1, hour: 9, day: 1),
            StoreFixture.booking("B-R-2", request: 2, specialist: "SP-2", hour: 9, day: 1),
        ])
        // Meanwhile SP-1's calendar is imported: away on Tuesday.
        try database.updateExceptions(ofSpecialist: "SP-1", actor: "admin") { _ in
            [
                AvailabilityException(
                    kind: .unavailable, start: StoreFixture.at(0, 0, day: 1), end: StoreFixture.at(23, 0, day: 1))
            ]
        }
        let applied = try Self.apply(plan, store, basis: basis, generation: generation)

        #expect(applied.committedChanged == 0)
        #expect(applied.skips == [.init(requestId: "R-1", reason: .collides, constraint: .specialistAvailable)])
        #expect(applied.added == 1)
        #expect(try store.booking("B-R-1") == nil && store.booking("B-R-2") != nil)
    }

    @Test(
        "nothing that has started, nor a unit day past its route cut-off, is changed", arguments: StoreBackend.allCases)
    func frozenWorkStays(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 10), actor: "setup")
        for day in [1, 3] { #expect(try store.saveRoute(StoreFixture.route(day: day), actor: "setup").value != nil) }
        let basis = try database.schedule().scenario.bookings
        let plan = Self.plan(
            [
                StoreFixture.booking("B-R-2", request: 2, hour: 10, day: 1, host: .unitVisit("U-1")),
                StoreFixture.booking("B-R-3", request: 3, hour: 10, day: 3, host: .unitVisit("U-1")),
            ],
            routes: [StoreFixture.route(day: 1, departure: (11, 0)), StoreFixture.route(day: 3, departure: (11, 0))],
            unassigned: [1])
        // Monday 18:30: B-1 (Monday 10:00) has started and Tuesday's route is past its 18:00 cut-off.
        let applied = try Self.apply(plan, store, basis: basis, at: StoreFixture.at(18, 30))

        #expect(applied.skips == [.init(requestId: "R-1", reason: .frozen), .init(requestId: "R-2", reason: .frozen)])
        #expect(applied.added == 1 && applied.cancelled == 0)
        #expect(applied.routesKept == 1 && applied.routesReplaced == 1)
        #expect(try store.booking("B-1")?.status == .proposed)
        #expect(try store.booking("B-R-2") == nil)
        #expect(try store.route(StoreFixture.route(day: 1).key) == StoreFixture.route(day: 1))
        #expect(try store.route(StoreFixture.route(day: 3).key) == StoreFixture.route(day: 3, departure: (11, 0)))
    }

    @Test("applying the same plan again changes nothing but its own record", arguments: StoreBackend.allCases)
    func applyTwice(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "setup")
        let plan = Self.plan(
            [StoreFixture.booking("B-R-1", request: 1, hour: 10), StoreFixture.booking("B-R-2", request: 2, hour: 11)],
            routes: [StoreFixture.route(day: 1)])
        let first = try Self.apply(plan, store, basis: try database.schedule().scenario.bookings)
        #expect(first.rescheduled == 1 && first.added == 1 && first.routesReplaced == 1)
        let bookings = try database.schedule().scenario.bookings
        let generation = try database.changeGeneration()
        let second = try Self.apply(plan, store, basis: bookings)
        #expect(second.unchanged == 2 && second.rescheduled == 0 && second.added == 0 && second.routesReplaced == 0)
        #expect(try database.schedule().scenario.bookings == bookings)
        #expect(try database.changeGeneration() == generation + 1)
    }
}
