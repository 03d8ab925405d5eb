import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Planning window roll")
struct WindowRollTests {
    private static func roller(_ database: TelemedDatabase) -> WindowRoller {
        WindowRoller(database: database, seed: 1, actor: "test")
    }

    private static func counts(_ database: TelemedDatabase) throws -> (audit: Int, runs: Int, bookings: Int) {
        try database.database.read { db in
            (
                try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM auditLog") ?? 0,
                try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM planRuns") ?? 0,
                try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM bookings") ?? 0
            )
        }
    }

    /// Every stored booking, history included.
    private static func bookings(_ database: TelemedDatabase) throws -> [Booking] {
        try database.database.read { db in try BookingRecord.fetchAll(db).map(\.booking) }
    }

    @Test(
        "a roll moves today and the end, keeps the history as it was, places open work, and a second roll changes nothing",
        arguments: StoreBackend.allCases)
    func rollKeepsHistory(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        try store.propose(StoreFixture.booking("B-1", request: 1, hour: 9), actor: "setup")
        let confirmed = try #require(try store.confirm("B-1", actor: "site:A").value)
        let proposed = try store.propose(
            StoreFixture.booking("B-2", request: 2, specialist: "SP-2", hour: 10, day: 1), actor: "setup")
        let target = StoreFixture.monday.adding(days: 3)

        let days = try Self.roller(database).roll(to: target)

        #expect(days.map(\.date) == (1...3).map { StoreFixture.monday.adding(days: $0) })
        let window = try database.planningWindow()
        #expect(window.today == target)
        #expect(window.end == target.adding(days: 7 * 8 - 1))
        // History: as it was, still stored, never planned again.
        #expect(try store.booking("B-1") == confirmed)
        #expect(try store.booking("B-2") == proposed)
        let schedule = try database.schedule()
        #expect(!schedule.scenario.bookings.contains { $0.id == "B-1" || $0.id == "B-2" })
        #expect(!schedule.scenario.requests.contains { $0.id == "R-1" || $0.id == "R-2" })
        // The open requests were placed, and only from the first new day on (those placed on the
        // first days are history by now).
        let placed = try Self.bookings(database).filter { $0.id != "B-1" && $0.id != "B-2" }
        #expect(placed.allSatisfy { $0.status == .proposed })
        #expect(days.map(\.placed).reduce(0, +) == placed.count)
        #expect(placed.count >= 4)
        #expect(
            placed.allSatisfy { $0.start >= WallClock.paris.dayInterval(StoreFixture.monday.adding(days: 1)).start })
        #expect(try database.check().isValid)
        // The runs are recorded, one per day, with their counts.
        let run = try #require(try database.planRun(id: "roll-\(target)"))
        #expect(run.kind == WindowRoller.kind && run.status == .finished && run.plan == nil)
        #expect(try database.recentRolls(limit: 10).map(\.date) == days.map(\.date).reversed())

        let before = try Self.counts(database)
        #expect(try Self.roller(database).roll(to: target).isEmpty)
        #expect(try Self.counts(database) == before)
        #expect(throws: StoreError.rollBackwards(to: StoreFixture.monday, today: target)) {
            try Self.roller(database).roll(to: StoreFixture.monday)
        }
        #expect(try Self.counts(database) == before)
    }

    @Test(
        "a proposed booking that no longer holds is moved; one that still holds keeps its place",
        arguments: StoreBackend.allCases)
    func invalidProposalRepaired(_ backend: StoreBackend) throws {
        let (database, store) = try StoreFixture.database(backend)
        let kept = try store.propose(
            StoreFixture.booking("B-1", request: 1, specialist: "SP-2", hour: 10, day: 2), actor: "setup")
        let broken = try store.propose(
            StoreFixture.booking("B-2", request: 2, specialist: "SP-1", hour: 9, day: 2), actor: "setup")
        // SP-1 is away all day 2 (a calendar imported after the proposal).
        try database.updateExceptions(ofSpecialist: "SP-1", actor: "test") { _ in
            [
                AvailabilityException(
                    kind: .unavailable, start: StoreFixture.at(0, 0, day: 2), end: StoreFixture.at(23, 0, day: 2))
            ]
        }

        let day = try #require(try Self.roller(database).roll(to: StoreFixture.monday.adding(days: 1)).first)

        #expect(day.repaired == 1 && day.moved == 1 && day.cancelled == 0)
        #expect(try store.booking("B-1") == kept)
        let moved = try #require(try store.booking("B-2"))
        #expect(moved.status == .proposed && moved.version == 2)
        #expect(moved.start != broken.start || moved.specialistId != broken.specialistId)
        #expect(
            !(moved.specialistId == "SP-1"
                && WallClock.paris.localDate(of: moved.start) == StoreFixture.monday.adding(days: 2)))
        #expect(try database.check().isValid)
    }

    @Test("an open request past its due date is flagged overdue once and stays planable")
    func overdueFlagged() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests.append(
            ConsultationRequest(
                id: "R-9", siteId: "A", patientRef: "P-9", specialty: .generalPractice, mode: .live,
                requiredEquipment: [], durationMinutes: 30, urgency: .urgent,
                releaseDate: StoreFixture.monday.adding(days: -10)))
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")

        let days = try Self.roller(database).roll(to: StoreFixture.monday.adding(days: 2))

        #expect(days.map(\.newlyOverdue) == [1, 0])
        let flagged = try database.database.read { db in
            try db.fetchOne(String.self, sql: "SELECT overdueSince FROM requests WHERE id = 'R-9'")
        }
        #expect(flagged == StoreFixture.monday.adding(days: 1).description)
        // Planable: the first day placed it, so no open request is overdue after it.
        #expect(days[0].openOverdue == 0)
        #expect(try Self.bookings(database).contains { $0.requestId == "R-9" && $0.status == .proposed })
    }

    @Test("the new days follow the weekly rules and that year's holidays: nothing is placed on Ascension 2027")
    func holidaysOfNewDatesClosed() throws {
        // Ascension 2027 is Thursday 6 May (Easter 28 March + 39 days).
        let start = LocalDate(year: 2027, month: 5, day: 3)!
        let ascension = LocalDate(year: 2027, month: 5, day: 6)!
        var scenario = StoreFixture.scenario()
        scenario.horizon = Horizon(start: start, end: start.adding(days: 1))
        scenario.holidays = HolidayPolicy(observeFrenchPublicHolidays: true)
        scenario.requests = (1...6).map { index in
            ConsultationRequest(
                id: ConsultationRequest.ID("R-\(index)"), siteId: "A", patientRef: "P-\(index)",
                specialty: .generalPractice, mode: .live, requiredEquipment: [], durationMinutes: 30,
                urgency: .urgent, releaseDate: start, earliestDate: ascension)
        }
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        try database.setWindowWeeks(1, actor: "test")

        let days = try Self.roller(database).roll(to: start.adding(days: 1))

        #expect(days.first?.end == start.adding(days: 7))
        let placed = try database.schedule().scenario.bookings
        // The days past the imported horizon became bookable, except the holiday.
        #expect(placed.count == 6)
        #expect(placed.allSatisfy { WallClock.paris.localDate(of: $0.start) > ascension })
        #expect(try database.check().isValid)
    }

    @Test("a recurring stop the unit cannot reach refuses the roll, naming the rule, and changes nothing")
    func unplannableStopRefused() throws {
        var scenario = StoreFixture.scenario()
        // Site B is about 11 km from the depot: more than 5 minutes' driving there and back.
        scenario.units[0].maxDrivingMinutesPerDay = 5
        scenario.units[0].recurringStops = [
            RecurringStop(
                day: .wednesday, siteId: "B", arrival: StoreFixture.time(9, 0), departure: StoreFixture.time(11, 0))
        ]
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        let before = try Self.counts(database)

        let error = #expect(throws: StoreError.self) {
            try Self.roller(database).roll(to: StoreFixture.monday.adding(days: 1))
        }
        guard case .unplannableWindow(let date, let problems) = error else {
            Issue.record("expected unplannableWindow, got \(String(describing: error))")
            return
        }
        #expect(date == StoreFixture.monday.adding(days: 1))
        #expect(problems.contains { $0.contains("stopReachable") && $0.contains("over its maximum of 5 min") })
        #expect(try database.planningWindow().today == StoreFixture.monday)
        #expect(try Self.counts(database) == before)
    }

    @Test(
        "the window length is a setting between 1 and 52 weeks, audited; a bad one changes nothing",
        arguments: StoreBackend.allCases)
    func windowWeeksSetting(_ backend: StoreBackend) throws {
        let (database, _) = try StoreFixture.database(backend)
        #expect(try database.planningWindow().weeks == 8)
        try database.setWindowWeeks(4, actor: "admin")
        #expect(try database.planningWindow().weeks == 4)
        #expect(try database.auditEntries(limit: 1).first?.action == "settings.windowWeeks")
        for bad in [0, 53, -1] {
            #expect(throws: StoreError.self) { try database.setWindowWeeks(bad, actor: "admin") }
        }
        #expect(try database.planningWindow().weeks == 4)
    }
}
