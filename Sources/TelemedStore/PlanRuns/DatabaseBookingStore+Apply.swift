import Foundation
import TelemedCore

extension DatabaseBookingStore {
    /// Applies a re-optimisation's plan to the unconfirmed work, in one write transaction that also
    /// saves `run` as finished with what was done (``PlanApplication``).
    ///
    /// `basis` is every booking as the run read it (the snapshot its scenario came from), and
    /// `entityGeneration` the ``TelemedDatabase/entityGeneration()`` read before it. Committed
    /// (confirmed, done) bookings are never written. For each request the plan placed or left out
    /// (not its pinned ones): a proposed booking is moved in place (same id, new version) when the
    /// plan places the request differently, cancelled when the plan leaves it unassigned, left
    /// alone when placed the same; a request with no live booking gets a new proposed one. The
    /// plan's unit routes replace the stored ones of every unit day either holds, each re-checked
    /// against the committed bookings as ``saveRoute(_:actor:)`` does; a stored day the plan no
    /// longer uses is removed unless a committed booking is hosted on it.
    ///
    /// The live schedule may have moved while the run solved, so the apply re-reads it inside the
    /// transaction and never overrides a person's decision:
    /// - a request whose bookings are no longer those the run read (confirmed, cancelled or moved
    ///   meanwhile) keeps them (`changedSinceRun`);
    /// - when committed bookings are new or changed since the read, each new placement near one of
    ///   them (same specialist, site, unit, request or patient, within the review delay + 2 days)
    ///   is re-checked as if it were confirmed, with the store's conflict check, and every new
    ///   placement when the entities changed (an availability import, new hours); a broken rule
    ///   keeps the request's booking as it was (`collides`);
    /// - a plan route that would break a committed booking is not written (`routesKept`), nor are
    ///   the plan's placements on that unit day (`routeKept`);
    /// - nothing frozen at `now` (``ScheduleFreeze``: started bookings, unit days past their route
    ///   cut-off) is moved, cancelled, added or re-routed (`frozen`, `routesKept`).
    ///
    /// Every booking and route written gets its audit entry under `actor`, and the apply one more
    /// (`plan.apply`, the counts), so feeds and the live plan see the change.
    ///
    /// ```swift
    /// let generation = try database.entityGeneration()
    /// let schedule = try database.schedule()
    /// // … solve schedule.scenario with its committed bookings pinned …
    /// let done = try store.apply(
    ///     plan, to: run, readFrom: schedule.scenario.bookings, entityGeneration: generation, actor: "planner")
    /// print(done.applied!.rescheduled)
    /// ```
    public func apply(
        _ plan: Plan, to run: PlanRun, readFrom basis: [Booking], entityGeneration: Int64, actor: String,
        at now: Date
    ) throws -> PlanRun {
        try database.database.write { db in
            try apply(plan, to: run, readFrom: basis, entityGeneration: entityGeneration, actor: actor, at: now, db)
        }
    }

    /// The apply inside the caller's write transaction (the roll applies its placements with the
    /// rest of its day). Without `keepPlan` the run keeps its counts but not the plan, which is
    /// about a megabyte on a region and of no use once applied every night.
    func apply(
        _ plan: Plan, to run: PlanRun, readFrom basis: [Booking], entityGeneration: Int64, actor: String,
        at now: Date, keepPlan: Bool = true, _ db: any SQLConnection
    ) throws -> PlanRun {
        var applied = PlanApplication(appliedAt: now)
        let windowStart = WallClock.paris.dayInterval(try TelemedDatabase.windowStart(db)).start
        let current = try BookingRecord.fetchAll(
            db, sql: "SELECT * FROM bookings WHERE start >= ? ORDER BY position", arguments: [windowStart]
        ).map(\.booking)
        let basisVersions = Dictionary(basis.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })
        let moved = current.filter { $0.status.isPinned && basisVersions[$0.id] != $0.version }
        applied.committedChanged = moved.count
        let entities = try entities(db)
        let freeze = ScheduleFreeze(units: entities.units.values, at: now)
        let keptDays = try applyRoutes(of: plan, freeze: freeze, actor: actor, into: &applied, db)
        var changes = PlanChanges(plan: plan, basis: basis, current: current, freeze: freeze)
        changes.moved = moved
        changes.recheckAll = entities.generation != entityGeneration
        if !moved.isEmpty {
            changes.patients = try Self.patients(db)
            changes.margin = Double(entities.settings.asyncReviewDays + 2) * 86_400
        }
        let waiting = try TelemedDatabase.waitingRequestIds(db)
        for requestId in changes.requestIds {
            // Joined the waiting list while the run solved: the list serves it now.
            if waiting.contains(requestId) && changes.targets[requestId] != nil {
                applied.skip(requestId, .waiting)
                continue
            }
            try applyChange(for: requestId, changes, keptDays: keptDays, actor: actor, into: &applied, db)
        }
        var finished = run
        finished.status = .finished
        finished.plan = keepPlan ? plan : nil
        finished.applied = applied
        try PlanRunRecord(finished).upsert(db)
        try AuditEntry(
            occurredAt: now, actor: actor, action: "plan.apply", entityKind: "planRun", entityId: run.id,
            after: try StoreJSON.text(applied)
        ).append(to: db)
        return finished
    }

    /// Replaces the stored routes by the plan's; returns the unit days kept as they were.
    private func applyRoutes(
        of plan: Plan, freeze: ScheduleFreeze, actor: String, into applied: inout PlanApplication,
        _ db: any SQLConnection
    ) throws -> Set<UnitDayKey> {
        let first = try TelemedDatabase.windowStart(db)
        let stored = Dictionary(
            uniqueKeysWithValues: try TelemedDatabase.loadRoutes(db, from: first).map { ($0.key, $0) })
        var planned: [UnitDayKey: UnitRoute] = [:]
        for day in plan.unitDays {
            guard let route = UnitRoute(plan: plan, unitId: day.unitId, date: day.date) else { continue }
            planned[route.key] = try route.validated()
        }
        var kept: Set<UnitDayKey> = []
        for key in Set(stored.keys).union(planned.keys).sorted() where stored[key] != planned[key] {
            let entityId = "\(key.unitId)/\(key.date)"
            let before = try stored[key].map(StoreJSON.text)
            guard !freeze.isFrozen(key) else {
                kept.insert(key)
                applied.routesKept += 1
                continue
            }
            if let route = planned[key] {
                let check = try conflictCheck(db, changed: [], newRoute: route)
                guard check.conflict(subject: "route of unit \(entityId)", changed: [], route: route) == nil else {
                    kept.insert(key)
                    applied.routesKept += 1
                    continue
                }
                try Self.replaceRoute(route, db)
                try AuditEntry(
                    occurredAt: freeze.now, actor: actor, action: "route.save", entityKind: "unitDay",
                    entityId: entityId, before: before,
                    after: try StoreJSON.text(route)
                ).append(to: db)
                applied.routesReplaced += 1
            } else {
                let day = WallClock.paris.dayInterval(key.date)
                let hosted =
                    try db.fetchOne(
                        Int.self,
                        sql: """
                            SELECT COUNT(*) FROM bookings WHERE hostUnitId = ? AND start >= ? AND start < ?
                            AND \(SchemaV12.committed)
                            """, arguments: [key.unitId, day.start, day.end]) ?? 0
                guard hosted == 0 else {
                    kept.insert(key)
                    applied.routesKept += 1
                    continue
                }
                try db.execute(
                    sql: "DELETE FROM unitDays WHERE unitId = ? AND date = ?",
                    arguments: [key.unitId, key.date.description])
                try AuditEntry(
                    occurredAt: freeze.now, actor: actor, action: "route.delete", entityKind: "unitDay",
                    entityId: entityId, before: before,
                    after: nil
                ).append(to: db)
                applied.routesRemoved += 1
            }
        }
        return kept
    }

    /// One request's change: cancel, move or add its proposed booking, or leave it.
    private func applyChange(
        for requestId: ConsultationRequest.ID, _ changes: PlanChanges, keptDays: Set<UnitDayKey>, actor: String,
        into applied: inout PlanApplication, _ db: any SQLConnection
    ) throws {
        let (then, now) = (changes.liveThen[requestId] ?? [], changes.liveNow[requestId] ?? [])
        guard PlanChanges.stamps(then) == PlanChanges.stamps(now), now.count <= 1,
            now.allSatisfy({ $0.status == .proposed })
        else {
            applied.skip(requestId, .changedSinceRun)
            return
        }
        let existing = now.first
        let target = changes.targets[requestId]
        if let existing, let target, PlanChanges.samePlacement(existing, target) {
            applied.unchanged += 1
            return
        }
        if existing.map(changes.freeze.isFrozen) == true || target.map(changes.freeze.isFrozen) == true {
            applied.skip(requestId, .frozen)
            return
        }
        switch (existing, target) {
        case (nil, nil):
            return
        case (let existing?, nil):
            _ = try Self.setStatus(
                existing.id, expectedVersion: existing.version, to: .cancelled, actor: actor, at: changes.freeze.now, db
            )
            applied.cancelled += 1
        case (_, let target?):
            if let unitId = target.host.unitId,
                keptDays.contains(UnitDayKey(unitId: unitId, date: WallClock.paris.localDate(of: target.start)))
            {
                applied.skip(requestId, .routeKept)
                return
            }
            if changes.recheckAll || changes.nearMoved(target) {
                var probe = target
                probe.status = .confirmed
                let check = try conflictCheck(db, changed: [probe], newRoute: nil)
                if let conflict = check.conflict(subject: "booking \(target.id)", changed: [probe], route: nil) {
                    applied.skip(requestId, .collides, constraint: conflict.constraints.first)
                    return
                }
            }
            if let existing {
                try Self.move(existing, to: target, actor: actor, at: changes.freeze.now, db)
                applied.rescheduled += 1
            } else {
                try add(target, actor: actor, at: changes.freeze.now, db)
                applied.added += 1
            }
        }
    }

    /// A proposed booking placed anew: specialist, times, review, host and room; same id and site.
    private static func move(
        _ booking: Booking, to target: Booking, actor: String, at now: Date, _ db: any SQLConnection
    ) throws {
        var after = booking
        (after.specialistId, after.start, after.end) = (target.specialistId, target.start, target.end)
        (after.review, after.host, after.room) = (target.review, target.host, target.room)
        after.version += 1
        try db.execute(
            sql: """
                UPDATE bookings SET specialistId = ?, start = ?, "end" = ?, reviewStart = ?, reviewEnd = ?,
                hostUnitId = ?, room = ?, version = ? WHERE id = ?
                """,
            arguments: [
                after.specialistId, after.start, after.end, after.review?.start, after.review?.end,
                after.host.unitId, after.room, after.version, after.id,
            ])
        try audit(db, at: now, actor: actor, action: "booking.reschedule", before: booking, after: after)
    }

    /// A new proposed booking under the plan's id, or the first free `<id>-2`, `<id>-3`… when a
    /// cancelled booking of the same request holds it.
    private func add(_ target: Booking, actor: String, at now: Date, _ db: any SQLConnection) throws {
        var booking = target
        booking.status = .proposed
        booking.version = 1
        var suffix = 2
        while try BookingRecord.exists(db, key: booking.id) {
            booking.id = Booking.ID("\(target.id.rawValue)-\(suffix)")
            suffix += 1
        }
        try requireReferences(of: booking, db)
        try Self.insert(booking, db)
        try Self.audit(db, at: now, actor: actor, action: "booking.propose", before: nil, after: booking)
    }

    private static func patients(_ db: any SQLConnection) throws -> [ConsultationRequest.ID: String] {
        var patients: [ConsultationRequest.ID: String] = [:]
        for row in try db.fetchAll(sql: "SELECT id, patientRef FROM requests") {
            patients[ConsultationRequest.ID(row["id"] as String)] = row["patientRef"]
        }
        return patients
    }

    private func entities(_ db: any SQLConnection) throws -> EntityCache.Entities {
        guard let entities = try database.entityCache.entities(db, travel: database.travelModel(for:)) else {
            throw StoreError.noScenario(path: database.name)
        }
        return entities
    }
}

/// What a plan asks of each request, beside the bookings as the run read them and as they are now.
private struct PlanChanges {
    /// The plan's placement of each request it solved (its pinned bookings excluded).
    let targets: [ConsultationRequest.ID: Booking]
    /// Requests the plan solved, placed or not, by id.
    let requestIds: [ConsultationRequest.ID]
    let liveThen: [ConsultationRequest.ID: [Booking]]
    let liveNow: [ConsultationRequest.ID: [Booking]]
    let freeze: ScheduleFreeze
    /// Committed bookings new or changed since the read.
    var moved: [Booking] = []
    /// The entities (hours, availability, units) changed since the read: every new placement is
    /// re-checked.
    var recheckAll = false
    var patients: [ConsultationRequest.ID: String] = [:]
    /// How far apart (seconds) two bookings' starts can be and still collide.
    var margin: TimeInterval = 0

    init(plan: Plan, basis: [Booking], current: [Booking], freeze: ScheduleFreeze) {
        self.freeze = freeze
        let pinned = Set(plan.bookings.filter(\.status.isPinned).map(\.requestId))
        targets = Dictionary(
            plan.bookings.filter { !$0.status.isPinned }.map { ($0.requestId, $0) }, uniquingKeysWith: { a, _ in a })
        requestIds = Set(targets.keys).union(plan.unassigned.map(\.requestId)).subtracting(pinned).sorted()
        liveThen = Dictionary(grouping: basis.filter { $0.status.occupiesResources }, by: \.requestId)
        liveNow = Dictionary(grouping: current.filter { $0.status.occupiesResources }, by: \.requestId)
    }

    static func stamps(_ bookings: [Booking]) -> [String] {
        bookings.map { "\($0.id.rawValue)@\($0.version)" }.sorted()
    }

    static func samePlacement(_ a: Booking, _ b: Booking) -> Bool {
        (a.specialistId, a.start, a.end, a.host, a.room) == (b.specialistId, b.start, b.end, b.host, b.room)
            && a.review == b.review
    }

    /// Whether `booking` shares a specialist, site, unit, request or patient with a committed
    /// booking that moved since the read, close enough in time to collide with it. Only a filter:
    /// the store's conflict check decides.
    func nearMoved(_ booking: Booking) -> Bool {
        moved.contains { other in
            guard abs(other.start.timeIntervalSince(booking.start)) <= margin else { return false }
            return (other.specialistId != nil && other.specialistId == booking.specialistId)
                || other.siteId == booking.siteId
                || (other.host.unitId != nil && other.host.unitId == booking.host.unitId)
                || other.requestId == booking.requestId
                || (patients[other.requestId] != nil && patients[other.requestId] == patients[booking.requestId])
        }
    }
}

extension TelemedDatabase {
    /// The counter every change to the scenario's entities (settings, sites, specialists and their
    /// availability, units) raises: read before a plan run's snapshot, it tells its apply whether
    /// the rules its plan was made under still hold.
    public func entityGeneration() throws -> Int64 {
        try database.read { db in try db.fetchOne(Int64.self, sql: "SELECT value FROM entityGeneration") ?? -1 }
    }
}
