import Foundation
import TelemedCore
import TelemedSolver

/// ``BookingStore`` on a ``TelemedDatabase``, SQLite or PostgreSQL. Each method is one transaction;
/// a checked change re-checks and writes in one write transaction, so the re-check reads exactly
/// the data the write commits over, even with other processes writing: on SQLite a `BEGIN
/// IMMEDIATE` transaction (GRDB's default for writes) takes the file's one write lock; on
/// PostgreSQL a SERIALIZABLE one is rolled back and run again when a concurrent change collided
/// with what it read (``PostgresStoreDatabase``).
public struct DatabaseBookingStore: BookingStore {
    public let database: TelemedDatabase

    public init(_ database: TelemedDatabase) {
        self.database = database
    }

    @discardableResult
    public func propose(_ booking: Booking, actor: String) throws -> Booking {
        var proposed = booking
        proposed.status = .proposed
        proposed.version = 1
        try BookingRecord(proposed, position: 0).checkTexts()
        return try database.database.write { db in
            guard try BookingRecord.fetchOne(db, key: booking.id) == nil else {
                throw StoreError.bookingExists(booking.id)
            }
            try requireReferences(of: proposed, db)
            try Self.insert(proposed, db)
            try Self.audit(
                db, at: database.clock.now(), actor: actor, action: "booking.propose", before: nil, after: proposed)
            return proposed
        }
    }

    public func confirm(_ id: Booking.ID, expectedVersion: Int?, route: UnitRoute?, actor: String) throws
        -> BookingOutcome
    {
        try change(id, expectedVersion: expectedVersion, to: .confirmed, route: route, actor: actor) { _ in }
    }

    public func reschedule(
        _ id: Booking.ID, to times: BookingTimes, expectedVersion: Int?, route: UnitRoute?, actor: String
    ) throws -> BookingOutcome {
        try change(id, expectedVersion: expectedVersion, to: nil, route: route, actor: actor) { booking in
            booking.start = times.start
            booking.end = times.end
            booking.review = times.review
            booking.room = times.room
        }
    }

    @discardableResult
    public func cancel(_ id: Booking.ID, expectedVersion: Int?, actor: String) throws -> Booking {
        try database.database.write { db in
            let now = database.clock.now()
            let wasConfirmed = try Self.current(id, expectedVersion: expectedVersion, db).status == .confirmed
            let cancelled = try Self.setStatus(
                id, expectedVersion: expectedVersion, to: .cancelled, actor: actor, at: now, db)
            // A proposal withdrawn is nobody's news; a confirmed session cancelled is.
            if wasConfirmed { try NotificationRows.record(.bookingCancelled, booking: cancelled, at: now, db) }
            return cancelled
        }
    }

    public func saveRoute(_ route: UnitRoute, actor: String) throws -> ChangeOutcome<UnitRoute> {
        let route = try route.validated()
        return try database.database.write { db in
            guard try UnitRecord.exists(db, key: route.day.unitId) else {
                throw StoreError.unknownReference("unit \(route.day.unitId)")
            }
            let before = try CommittedSlice.storedRoute(db, route.key)
            let check = try conflictCheck(db, changed: [], newRoute: route)
            let subject = "route of unit \(route.day.unitId) on \(route.day.date)"
            if let conflict = check.conflict(subject: subject, changed: [], route: route) {
                return .conflict(conflict)
            }
            try Self.replaceRoute(route, db)
            try AuditEntry(
                occurredAt: database.clock.now(), actor: actor, action: "route.save", entityKind: "unitDay",
                entityId: "\(route.day.unitId)/\(route.day.date)",
                before: try before.map(StoreJSON.text), after: try StoreJSON.text(route)
            ).append(to: db)
            return .accepted(route)
        }
    }

    public func booking(_ id: Booking.ID) throws -> Booking? {
        try database.database.read { db in try BookingRecord.fetchOne(db, key: id).map(\.booking) }
    }

    public func bookings(atSite siteId: Site.ID, startingIn interval: UTCInterval) throws -> [Booking] {
        try fetch("siteId = ? AND start >= ? AND start < ?", [siteId, interval.start, interval.end])
    }

    public func bookings(ofSpecialist specialistId: Specialist.ID, startingIn interval: UTCInterval) throws
        -> [Booking]
    {
        try fetch("specialistId = ? AND start >= ? AND start < ?", [specialistId, interval.start, interval.end])
    }

    public func bookings(hostedBy unitId: MobileUnit.ID, on date: LocalDate) throws -> [Booking] {
        let day = WallClock.paris.dayInterval(date)
        return try fetch("hostUnitId = ? AND start >= ? AND start < ?", [unitId, day.start, day.end])
    }

    public func route(_ key: UnitDayKey) throws -> UnitRoute? {
        try database.database.read { db in try CommittedSlice.storedRoute(db, key) }
    }

    private func fetch(_ condition: String, _ arguments: SQLArguments) throws -> [Booking] {
        try database.database.read { db in
            try BookingRecord.fetchAll(
                db, sql: "SELECT * FROM bookings WHERE \(condition) ORDER BY start, id", arguments: arguments
            ).map(\.booking)
        }
    }
}

extension DatabaseBookingStore {
    /// One checked change: `status` nil keeps the status (reschedule). A change whose result holds
    /// committed resources is re-checked; nothing is written on conflict.
    private func change(
        _ id: Booking.ID, expectedVersion: Int?, to status: BookingStatus?, route: UnitRoute?, actor: String,
        _ edit: (inout Booking) -> Void
    ) throws -> BookingOutcome {
        let route = try route?.validated()
        return try database.database.write { db in
            let before = try Self.current(id, expectedVersion: expectedVersion, db)
            var after = before
            if let status {
                guard Self.allows(from: before.status, to: status) else {
                    throw StoreError.invalidTransition(id, from: before.status, to: status)
                }
                after.status = status
                if status == .confirmed { try Self.requireConsent(for: after, db) }
            } else if before.status != .proposed && before.status != .confirmed {
                throw StoreError.notReschedulable(id, status: before.status)
            }
            edit(&after)
            after.version += 1
            if after.status.isPinned || route != nil {
                let changed = after.status.isPinned ? [after] : []
                let check = try conflictCheck(db, changed: changed, newRoute: route)
                if let conflict = check.conflict(subject: "booking \(id)", changed: changed, route: route) {
                    return .conflict(conflict)
                }
            }
            try db.execute(
                sql: """
                    UPDATE bookings SET start = ?, "end" = ?, reviewStart = ?, reviewEnd = ?, status = ?, version = ?,
                    room = ? WHERE id = ?
                    """,
                arguments: [
                    after.start, after.end, after.review?.start, after.review?.end, after.status.rawValue,
                    after.version,
                    after.room, after.id,
                ])
            if let route { try Self.replaceRoute(route, db) }
            let action = status.map { "booking.\($0.rawValue)" } ?? "booking.reschedule"
            try Self.audit(db, at: database.clock.now(), actor: actor, action: action, before: before, after: after)
            if status == .confirmed {
                try NotificationRows.record(.bookingConfirmed, booking: after, at: database.clock.now(), db)
                try WaitlistRows.leave(after.requestId, .booked, at: database.clock.now(), actor: actor, db)
            } else if status == nil && before.status == .confirmed {
                try NotificationRows.record(
                    .bookingMoved, booking: after, previous: before, at: database.clock.now(), db)
            }
            return .accepted(after)
        }
    }

    /// The body of an unchecked status change, inside the caller's transaction.
    static func setStatus(
        _ id: Booking.ID, expectedVersion: Int?, to status: BookingStatus, actor: String, at now: Date,
        _ db: any SQLConnection
    ) throws -> Booking {
        let before = try current(id, expectedVersion: expectedVersion, db)
        guard allows(from: before.status, to: status) else {
            throw StoreError.invalidTransition(id, from: before.status, to: status)
        }
        var after = before
        after.status = status
        after.version += 1
        try db.execute(
            sql: "UPDATE bookings SET status = ?, version = ? WHERE id = ?",
            arguments: [after.status.rawValue, after.version, after.id])
        try audit(db, at: now, actor: actor, action: "booking.\(status.rawValue)", before: before, after: after)
        return after
    }

    static func allows(from: BookingStatus, to: BookingStatus) -> Bool {
        switch (from, to) {
        case (.proposed, .confirmed), (.proposed, .cancelled), (.confirmed, .cancelled): true
        case (.confirmed, _), (.done, _), (.noShow, _), (.notHeld, _): to.isOutcome
        default: false
        }
    }

    static func current(_ id: Booking.ID, expectedVersion: Int?, _ db: any SQLConnection) throws -> Booking {
        guard let booking = try BookingRecord.fetchOne(db, key: id)?.booking else {
            throw StoreError.bookingNotFound(id)
        }
        if let expectedVersion, expectedVersion != booking.version {
            throw StoreError.versionMismatch(id, expected: expectedVersion, actual: booking.version)
        }
        return booking
    }

    func conflictCheck(_ db: any SQLConnection, changed: [Booking], newRoute: UnitRoute?) throws -> ConflictCheck {
        guard let entities = try database.entityCache.entities(db, travel: database.travelModel(for:)) else {
            throw StoreError.noScenario(path: database.name)
        }
        let slice = try CommittedSlice.load(db, entities: entities, changed: changed, newRoute: newRoute)
        return ConflictCheck(slice: slice, travel: entities.travel)
    }

    /// Refuses a booking naming an unknown request, specialist, site or unit; with
    /// `requiringConsent`, also one whose request lacks consent (``requireConsent(for:_:)``), from
    /// the same query. One statement for the request; the specialist, site and unit come from the
    /// entity cache, which this transaction's entity generation keeps exact (each statement is a
    /// round trip on PostgreSQL, and a group commit checks every booking).
    func requireReferences(of booking: Booking, requiringConsent: Bool = false, _ db: any SQLConnection) throws {
        guard let consentMissing = try Self.consentMissing(booking.requestId, db) else {
            throw StoreError.unknownReference("request \(booking.requestId)")
        }
        guard let entities = try database.entityCache.entities(db, travel: database.travelModel(for:)) else {
            throw StoreError.noScenario(path: database.name)
        }
        if let specialistId = booking.specialistId, entities.specialists[specialistId] == nil {
            throw StoreError.unknownReference("specialist \(specialistId)")
        }
        guard entities.sites[booking.siteId] != nil else {
            throw StoreError.unknownReference("site \(booking.siteId)")
        }
        if let unitId = booking.host.unitId, entities.units[unitId] == nil {
            throw StoreError.unknownReference("unit \(unitId)")
        }
        if requiringConsent && consentMissing { throw StoreError.consentMissing(booking.requestId) }
    }

    static func insert(_ booking: Booking, _ db: any SQLConnection) throws {
        let next = try db.fetchOne(Int.self, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM bookings") ?? 0
        try BookingRecord(booking, position: next).insert(db)
    }

    static func replaceRoute(_ route: UnitRoute, _ db: any SQLConnection) throws {
        try db.execute(
            sql: "DELETE FROM unitDays WHERE unitId = ? AND date = ?",
            arguments: [route.day.unitId, route.day.date.description])
        try UnitDayRecord(route.day).insert(db)
        for visit in route.visits { try UnitVisitRecord(visit).insert(db) }
    }

    static func audit(
        _ db: any SQLConnection, at now: Date, actor: String, action: String, before: Booking?, after: Booking
    ) throws {
        try AuditEntry(
            occurredAt: now, actor: actor, action: action, entityKind: "booking", entityId: after.id.rawValue,
            before: try before.map(StoreJSON.text), after: try StoreJSON.text(after)
        ).append(to: db)
    }
}
