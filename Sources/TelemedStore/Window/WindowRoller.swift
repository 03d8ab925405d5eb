import Foundation
import TelemedCore
import TelemedSolver

/// Moves a database's planning window forward, one day at a time, each day in one write
/// transaction: a stop in the middle (even SIGKILL) leaves the file at the day before or the day
/// after, never between.
///
/// For each new day D:
/// 1. today becomes D and the window's end reaches ``PlanningWindow/weeks`` weeks ahead; the
///    days before D become history (kept, never planned again). The new days' availability, hours,
///    unit days and recurring stops follow from the weekly rules and that year's public holidays,
///    which the scenario holds, so nothing is copied;
/// 2. the window is compiled; pinned facts that break a hard rule by themselves refuse the roll
///    (``StoreError/unplannableWindow(date:problems:)``);
/// 3. open requests past their due date are flagged overdue (`requests.overdueSince`);
/// 4. the plan checker runs over the window's live bookings and stored routes: a proposed booking
///    that no longer holds is re-placed (or cancelled when its request fits nowhere), while every
///    proposed booking that still holds keeps its place;
/// 5. open requests (no booking yet) are placed into the window by regret insertion around
///    everything that stays, from D on (from the day after when the roll runs after 06:00, since
///    the day's first slots may have passed); a full re-optimisation stays a planner's action;
/// 6. the placements are applied as a re-optimisation is (``DatabaseBookingStore/apply(_:to:readFrom:entityGeneration:actor:at:)``:
///    nothing frozen at the roll's instant moves, so the next day's routes keep their cut-off),
///    and the day is recorded as a plan run of kind `roll` with its ``DayRoll`` counts.
///
/// Rolling to a date the database has reached does nothing and records nothing.
///
/// ```swift
/// let roller = WindowRoller(database: database, seed: 1)
/// for day in try roller.roll(to: try LocalDate("2027-02-15")) { print(day.date, day.placed) }
/// ```
public struct WindowRoller: Sendable {
    public let database: TelemedDatabase
    /// Seed of the placement; the same file, date and seed give the same bookings.
    public var seed: UInt64
    public var actor: String

    public static let kind = "roll"
    /// A roll at or after this local time places from the next day on.
    public static let sameDayPlacementCutoff = LocalTime(minutesSinceMidnight: 6 * 60)!

    public init(database: TelemedDatabase, seed: UInt64 = 1, actor: String = "roll") {
        self.database = database
        self.seed = seed
        self.actor = actor
    }

    /// Rolls day by day to `date` (default: today by the database's clock), calling `onDay` after
    /// each committed day. A date before the database's today is refused.
    @discardableResult
    public func roll(to date: LocalDate? = nil, onDay: (DayRoll) -> Void = { _ in }) throws -> [DayRoll] {
        let target = date ?? database.clock.today()
        let window = try database.planningWindow()
        guard target >= window.today else { throw StoreError.rollBackwards(to: target, today: window.today) }
        var days: [DayRoll] = []
        var day = window.today
        while day < target {
            day = day.adding(days: 1)
            guard let rolled = try rollDay(day) else { continue }
            days.append(rolled)
            onDay(rolled)
        }
        return days
    }

    /// Rolls to the clock's today when the database is behind it (a server that was stopped, or
    /// the nightly roll); does nothing when it is there or ahead (a region imported for a later
    /// start).
    @discardableResult
    public func catchUp(onDay: (DayRoll) -> Void = { _ in }) throws -> [DayRoll] {
        let today = database.clock.today()
        guard try database.planningWindow().today < today else { return [] }
        return try roll(to: today, onDay: onDay)
    }

    /// Rolls onto `date`, the day after the database's today, in one transaction; nil when the
    /// database is already there.
    func rollDay(_ date: LocalDate) throws -> DayRoll? {
        // The roll of a day happens at its first instant, or now when catching up late.
        let now = max(database.clock.now(), WallClock.paris.dayInterval(date).start)
        let store = DatabaseBookingStore(database)
        return try database.database.write { db -> DayRoll? in
            let before = try TelemedDatabase.planningWindow(db, path: database.name)
            guard date > before.today else { return nil }
            let window = before.rolled(to: date)
            try db.execute(
                sql: "UPDATE scenarioSettings SET horizonStart = ?, horizonEnd = ? WHERE id = 1",
                arguments: [window.today.description, window.end.description])
            let scenario = try TelemedDatabase.loadScenario(db, path: database.name)
            let routes = try TelemedDatabase.loadRoutes(db, from: date)
            let travel = try database.travelModel(for: scenario.travel)
            let generation = try db.fetchOne(Int64.self, sql: "SELECT value FROM entityGeneration") ?? -1

            let plan = RollPlacement(
                scenario: scenario, routes: routes, travel: travel, now: now,
                waiting: try TelemedDatabase.waitingRequestIds(db))
            let newlyOverdue = try Self.flagOverdue(plan.overdue, on: date, db)
            let solved: Plan
            do throws(SolverError) {
                solved = try plan.solve(seed: seed)
            } catch .invalidScenario(let problems) {
                throw StoreError.unplannableWindow(date: date, problems: problems)
            } catch {
                throw StoreError.unplannableWindow(date: date, problems: ["\(error)"])
            }
            let run = PlanRun(
                id: "roll-\(date)", kind: Self.kind, status: .running, createdAt: now,
                scenarioHash: try PlanRun.hash(of: plan.base))
            let finished = try store.apply(
                plan.keepingStoredRoutes(solved), to: run, readFrom: scenario.bookings,
                entityGeneration: generation, actor: actor, at: now, keepPlan: false, db)
            let applied = finished.applied ?? PlanApplication(appliedAt: now)
            let day = DayRoll(
                date: date, end: window.end, runId: run.id, newlyOverdue: newlyOverdue,
                openOverdue: solved.unassigned.filter { plan.overdue.contains($0.requestId) }.count,
                repaired: plan.invalid.count, placed: applied.added, moved: applied.rescheduled,
                cancelled: applied.cancelled, unplaced: solved.unassigned.count, conflictsLeft: plan.conflictsLeft)
            try AuditEntry(
                occurredAt: now, actor: actor, action: "window.roll", entityKind: "planningWindow",
                entityId: date.description, before: try StoreJSON.text(["today": before.today.description]),
                after: try StoreJSON.text(day)
            ).append(to: db)
            return day
        }
    }

    /// Marks the open requests past their due date that are not marked yet; returns how many.
    private static func flagOverdue(_ ids: Set<ConsultationRequest.ID>, on date: LocalDate, _ db: any SQLConnection)
        throws
        -> Int
    {
        var flagged = 0
        for id in ids.sorted() {
            flagged += try db.execute(
                sql: "UPDATE requests SET overdueSince = ? WHERE id = ? AND overdueSince IS NULL",
                arguments: [date.description, id])
        }
        return flagged
    }
}
