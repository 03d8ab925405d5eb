import Foundation
import Logging
import TelemedCore
import TelemedSolver
import TelemedStore

/// Runs `POST /plans` in the background: the stored scenario with its committed (confirmed and
/// done) bookings pinned and the rest of the work unplanned, changed by a what-if's changes,
/// solved with a fixed seed under a time limit, saved as a ``PlanRun``.
///
/// A what-if only reads the live schedule: it never touches a booking. A re-optimisation applies
/// its plan to the unconfirmed work when it finishes (``DatabaseBookingStore/apply(_:to:readFrom:entityGeneration:actor:at:)``:
/// proposed bookings moved, cancelled or added, unit routes replaced, in one transaction that
/// respects whatever was committed while it solved) and records the counts on the run.
actor PlanRunner {
    let database: TelemedDatabase
    let options: SolverOptions
    let metrics: ServerMetrics
    let logger: Logger
    let ids: IdGenerator
    private var running: [String: Task<Void, Never>] = [:]

    init(database: TelemedDatabase, options: SolverOptions, metrics: ServerMetrics, logger: Logger, ids: IdGenerator) {
        self.ids = ids
        self.database = database
        self.options = options
        self.metrics = metrics
        self.logger = logger
    }

    /// Checks the request at once (bad changes are a 400, not a failed run), saves the run as
    /// `running` and starts it. `actor` (the caller's role) signs the changes a re-optimisation
    /// applies.
    func start(_ body: PlanRequestBody, actor: String) throws -> PlanRun {
        let generation = try database.entityGeneration()
        let schedule = try database.schedule()
        let scenario = try Self.scenario(
            for: body, base: Self.base(of: schedule.scenario, waiting: schedule.waiting, at: database.clock.now()))
        let basis = schedule.scenario.bookings
        let run = PlanRun(
            id: ids.next("plan-"),
            kind: body.kind.rawValue, status: .running, createdAt: database.clock.now(),
            scenarioHash: try PlanRun.hash(of: scenario))
        // Another replica's runs whose lease lapsed (on SQLite every running run is this process's).
        if database.isPostgres { try Self.markInterrupted(in: database) }
        try database.savePlanRun(run)
        _ = try database.acquireLease(Self.lease(of: run.id), holder: ReplicaIdentity.current, for: Self.leaseDuration)
        let (database, options, metrics, logger, travel) = (database, options, metrics, logger, schedule.travel)
        running[run.id] = Task.detached(priority: .utility) {
            let renewal = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(Self.leaseDuration / 3))
                    _ = try? database.acquireLease(
                        Self.lease(of: run.id), holder: ReplicaIdentity.current, for: Self.leaseDuration)
                }
            }
            defer {
                renewal.cancel()
                try? database.releaseLease(Self.lease(of: run.id), holder: ReplicaIdentity.current)
            }
            var finished = run
            do {
                let result = try Solver(scenario: scenario, travelModel: travel).solve(options)
                finished.status = .finished
                finished.plan = result.plan
                finished.kpis = PlanKPIs(scenario: scenario, plan: result.plan)
                if body.kind == .reoptimise {
                    finished = try DatabaseBookingStore(database).apply(
                        result.plan, to: finished, readFrom: basis, entityGeneration: generation, actor: actor,
                        at: database.clock.now())
                    if let applied = finished.applied { metrics.recordPlanApplication(applied) }
                }
            } catch {
                finished.status = .failed
                logger.error("Plan run failed", metadata: ["plan": "\(run.id)", "error": "\(error)"])
            }
            do {
                try database.savePlanRun(finished)
            } catch {
                logger.error("Plan run not saved", metadata: ["plan": "\(run.id)", "error": "\(error)"])
            }
            metrics.recordPlanRun(kind: run.kind, outcome: finished.status.rawValue)
            logger.info(
                "Plan run ended",
                metadata: ["plan": "\(run.id)", "kind": "\(run.kind)", "status": "\(finished.status.rawValue)"])
            await self.ended(run.id)
        }
        return run
    }

    /// Waits for every run in progress (graceful shutdown, tests).
    func waitForAll() async {
        while let task = running.values.first {
            await task.value
        }
    }

    /// How long a run's lease (`plan:ID`) lasts without renewal; its task renews it every third.
    static let leaseDuration: TimeInterval = 90

    static func lease(of id: String) -> String { "plan:" + id }

    /// Runs left `running` by a process that stopped are marked `failed`: their task is gone. On
    /// SQLite the server is the file's only one, so at its start every such run is; on PostgreSQL a
    /// run may be solving on another replica, and is marked only once the lease its replica renews
    /// has lapsed (checked at start-up and whenever a run starts).
    static func markInterrupted(in database: TelemedDatabase) throws {
        for var run in try database.runningPlanRuns() {
            if database.isPostgres, try database.leaseHolder(lease(of: run.id)) != nil { continue }
            run.status = .failed
            try database.savePlanRun(run)
        }
    }

    private func ended(_ id: String) {
        running[id] = nil
    }

    /// The stored scenario as every run starts from it at `now`: committed bookings pinned, and
    /// proposed ones frozen at `now` (started, or on a unit day past its route cut-off) pinned too
    /// as if confirmed, so the plan works around them; the other proposed ones kept as the ones
    /// staff have seen (the stability term: the plan moves them only for a real gain); requests
    /// whose every booking was cancelled left out (staff withdrew them; a re-optimisation must
    /// not book them again), and so are requests on the waiting list without a slot (`waiting`:
    /// the list offers them slots; a re-optimisation would propose one the staff turned down).
    static func base(of stored: Scenario, waiting: Set<ConsultationRequest.ID> = [], at now: Date) -> Scenario {
        var base = stored
        let withdrawn = stored.bookings.withdrawnRequestIds
        base.requests.removeAll { withdrawn.contains($0.id) || waiting.contains($0.id) }
        let freeze = ScheduleFreeze(units: stored.units, at: now)
        base.bookings = stored.bookings.compactMap { booking in
            if booking.status.isPinned { return booking }
            guard booking.status == .proposed, !withdrawn.contains(booking.requestId),
                !waiting.contains(booking.requestId)
            else { return nil }
            guard freeze.isFrozen(booking) else { return booking }
            var held = booking
            held.status = .confirmed
            return held
        }
        return base
    }

    /// The scenario a run solves; the planner page keeps it to draw the comparison.
    static func scenario(for body: PlanRequestBody, base: Scenario) throws -> Scenario {
        switch body.kind {
        case .reoptimise:
            guard body.changes == nil else {
                throw APIError.invalidBody(path: "changes", message: "a reoptimise run takes no changes")
            }
            return base
        case .whatif:
            guard let changes = body.changes, !changes.isEmpty else {
                throw APIError.invalidBody(path: "changes", message: "a whatif run needs at least one change")
            }
            let study = WhatIfStudy(name: "API", base: "", variants: [WhatIfVariant(name: "whatif", changes: changes)])
            do {
                return try study.scenarios(base: base).last!.scenario
            } catch {
                let issues = error.issues.map { $0.description.replacingOccurrences(of: "variants[0].", with: "") }
                throw APIError.badRequest("The changes cannot be applied: " + issues.joined(separator: "; ") + ".")
            }
        }
    }
}
