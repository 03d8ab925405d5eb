import Foundation
import TelemedCore

/// One booking to commit: the arguments of ``DatabaseBookingStore/book(_:route:replacing:actor:)``,
/// so that several can be committed together by ``DatabaseBookingStore/book(_:)``.
public struct BookingIntent: Hashable, Sendable {
    public var booking: Booking
    public var route: UnitRoute?
    public var replacing: Booking.ID?
    public var actor: String

    public init(_ booking: Booking, route: UnitRoute? = nil, replacing: Booking.ID? = nil, actor: String) {
        self.booking = booking
        self.route = route
        self.replacing = replacing
        self.actor = actor
    }

    /// The booking as it is committed: confirmed, version 1.
    var confirmed: Booking {
        var confirmed = booking
        confirmed.status = .confirmed
        confirmed.version = 1
        return confirmed
    }

    /// Booked with no other change (no route, no replaced booking): such intents can be checked
    /// together.
    var isPlain: Bool { route == nil && replacing == nil }
}

extension DatabaseBookingStore {
    public func book(_ booking: Booking, route: UnitRoute?, replacing replacedId: Booking.ID?, actor: String) throws
        -> BookingOutcome
    {
        var intent = BookingIntent(booking, route: route, replacing: replacedId, actor: actor)
        intent.route = try route?.validated()
        try BookingRecord(intent.confirmed, position: 0).checkTexts()
        // The conflict is caught outside the transaction, so that it rolls back.
        return try Self.outcome {
            try database.database.write { [intent] db in
                let intent = try Self.replacingHeldSlot(intent, db)
                try requireNew(intent.confirmed, db)
                return try checkAndWrite(intent, db)
            }
        }
    }

    /// Group commit: books `intents` in one write transaction, in order, each exactly as
    /// ``book(_:route:replacing:actor:)`` would have one after the other, and returns each one's
    /// outcome or error (an unknown reference, a booking id already used) in the same order.
    ///
    /// The common case under load is many bookings that collide with nothing. The leading ones
    /// without a route or a replaced booking are first checked together, on one committed slice,
    /// with one plan-checker run: if together they break no rule, each would also have passed in
    /// its turn (the rules are monotone: a booking added never repairs a violation), and all are
    /// written. Otherwise, and for the rest, each is checked and written in
    /// its own savepoint, so a refusal rolls back only its own writes and earlier ones win. One
    /// commit serves all. Waits for the writer without blocking the caller's thread.
    public func book(_ intents: [BookingIntent]) async throws -> [Result<BookingOutcome, any Error>] {
        var results: [Result<BookingOutcome, any Error>?] = Array(repeating: nil, count: intents.count)
        var valid: [BookingIntent] = []
        var positions: [Int] = []
        for (position, var intent) in intents.enumerated() {
            do {
                intent.route = try intent.route?.validated()
                try BookingRecord(intent.confirmed, position: 0).checkTexts()
                valid.append(intent)
                positions.append(position)
            } catch {
                results[position] = .failure(error)
            }
        }
        let written = try await database.database.write { [valid] db in try book(valid, db) }
        for (position, result) in zip(positions, written) { results[position] = result }
        return results.map { $0! }
    }

    private func book(_ intents: [BookingIntent], _ db: any SQLConnection) throws -> [Result<BookingOutcome, any Error>]
    {
        let intents = try intents.map { try Self.replacingHeldSlot($0, db) }
        var results: [Result<BookingOutcome, any Error>?] = Array(repeating: nil, count: intents.count)
        let now = database.clock.now()
        var seen: Set<Booking.ID> = []
        // The plain intents before the first other one: checked together, they keep their turn.
        var plain: [Int] = []
        var inTurn = true
        for (index, intent) in intents.enumerated() {
            do {
                guard seen.insert(intent.booking.id).inserted else { throw StoreError.bookingExists(intent.booking.id) }
                try requireNew(intent.confirmed, db)
                inTurn = inTurn && intent.isPlain
                if inTurn { plain.append(index) }
            } catch  where !PostgresStatementError.abortsTransaction(error) {
                results[index] = .failure(error)
            }
        }
        if plain.count > 1 {
            let together = plain.map { intents[$0].confirmed }
            if try conflictCheck(db, changed: together, newRoute: nil)
                .conflict(subject: "", changed: together, route: nil) == nil
            {
                for index in plain {
                    try Self.write(intents[index], at: now, db)
                    results[index] = .success(.accepted(intents[index].confirmed))
                }
            }
        }
        for (index, intent) in intents.enumerated() where results[index] == nil {
            let result = Result {
                try Self.outcome {
                    try db.inSavepoint { try checkAndWrite(intent, db) }
                }
            }
            // A collision with a concurrent transaction is the whole group's: it runs again.
            if case .failure(let error) = result, PostgresStatementError.abortsTransaction(error) { throw error }
            results[index] = result
        }
        return results.map { $0! }
    }

    /// One booking, already known to be new with known references (``requireNew(_:_:)``), inside
    /// the caller's transaction; throws ``RolledBack`` on conflict, so that the cancellation of the
    /// replaced booking is rolled back with the rest.
    private func checkAndWrite(_ intent: BookingIntent, _ db: any SQLConnection) throws -> BookingOutcome {
        let confirmed = intent.confirmed
        var moved: Booking?
        if let replacedId = intent.replacing {
            moved = try Self.replace(replacedId, by: confirmed, actor: intent.actor, at: database.clock.now(), db)
        }
        let check = try conflictCheck(db, changed: [confirmed], newRoute: intent.route)
        if let conflict = check.conflict(subject: "booking \(confirmed.id)", changed: [confirmed], route: intent.route)
        {
            throw RolledBack(conflict: conflict)
        }
        try Self.write(intent, moving: moved, at: database.clock.now(), db)
        return .accepted(confirmed)
    }

    private func requireNew(_ booking: Booking, _ db: any SQLConnection) throws {
        guard try !BookingRecord.exists(db, key: booking.id) else {
            throw StoreError.bookingExists(booking.id)
        }
        try requireReferences(of: booking, requiringConsent: true, db)
    }

    /// `moving`: the confirmed session this booking replaces (a reschedule), told as a move.
    private static func write(_ intent: BookingIntent, moving: Booking? = nil, at now: Date, _ db: any SQLConnection)
        throws
    {
        let confirmed = intent.confirmed
        try insert(confirmed, db)
        if let route = intent.route { try replaceRoute(route, db) }
        try audit(db, at: now, actor: intent.actor, action: "booking.confirmed", before: nil, after: confirmed)
        try NotificationRows.record(
            moving == nil ? .bookingConfirmed : .bookingMoved, booking: confirmed, previous: moving, at: now, db)
        try WaitlistRows.leave(confirmed.requestId, .booked, at: now, actor: intent.actor, db)
    }

    /// `intent`, replacing the slot held for its request when it replaces nothing else: a waiting
    /// request booked another way no longer needs its offer (and one request has one booking).
    private static func replacingHeldSlot(_ intent: BookingIntent, _ db: any SQLConnection) throws -> BookingIntent {
        guard intent.replacing == nil else { return intent }
        guard
            let held = try db.fetchOne(
                String.self, sql: "SELECT id FROM bookings WHERE requestId = ? AND status = 'held' LIMIT 1",
                arguments: [intent.booking.requestId])
        else { return intent }
        var replacing = intent
        replacing.replacing = Booking.ID(rawValue: held)
        return replacing
    }

    /// The booking a new one replaces: a confirmed or proposed booking is cancelled (a reschedule);
    /// a slot held for the request (its waiting-list offer) is released, its offer booked. Returns
    /// the replaced booking when it was a confirmed session (the new one is then its move).
    private static func replace(
        _ id: Booking.ID, by booking: Booking, actor: String, at now: Date, _ db: any SQLConnection
    )
        throws -> Booking?
    {
        let replaced = try current(id, expectedVersion: nil, db)
        guard replaced.status == .held else {
            _ = try setStatus(id, expectedVersion: nil, to: .cancelled, actor: actor, at: now, db)
            return replaced.status == .confirmed ? replaced : nil
        }
        guard replaced.requestId == booking.requestId else {
            throw StoreError.heldForAnother(id, request: replaced.requestId)
        }
        guard
            let offer = try WaitlistOfferRecord.fetchOne(
                db, sql: "SELECT * FROM waitlistOffers WHERE bookingId = ? AND closedAt IS NULL", arguments: [id])
        else { throw StoreError.noOffer(replaced.requestId) }
        try WaitlistRows.release(offer, .booked, at: now, actor: actor, db)
        return nil
    }

    /// `body`'s outcome, or the conflict it rolled back.
    private static func outcome(_ body: () throws -> BookingOutcome) throws -> BookingOutcome {
        do {
            return try body()
        } catch let rolledBack as RolledBack {
            return .conflict(rolledBack.conflict)
        }
    }

    private struct RolledBack: Error {
        var conflict: BookingConflict
    }
}
