import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Puts a stored request on its site's waiting list. `wantsBefore` is the earliest slot the
    /// staff turned down (offers will start before it), nil when none was found. Refused for a
    /// request already waiting (``StoreError/alreadyWaiting(_:)``), one that already has a
    /// booking that holds a slot (``StoreError/requestAlreadyBooked(_:)``) and one only a unit's
    /// visit can serve (``StoreError/servedByUnit(_:)``). Audited as `waitlist.join`.
    ///
    /// ```swift
    /// let entry = try database.joinWaitlist("R-12", wantsBefore: firstProposal.start, actor: "site:E-58-0001")
    /// ```
    /// Puts a stored request on the list after its staff turned down what they were offered: it
    /// wants a slot before the earliest of its proposals that has not expired (any slot when none
    /// is left; a waiting-list offer is not one of them). The rest as ``joinWaitlist(_:wantsBefore:actor:)``.
    @discardableResult
    public func joinWaitlistAfterProposals(_ requestId: ConsultationRequest.ID, actor: String) throws -> WaitlistEntry {
        let now = clock.now()
        let earliest = try proposals(of: requestId).filter { $0.expiresAt > now && !$0.isWaitlistOffer }
            .map(\.proposal.start).min()
        return try joinWaitlist(requestId, wantsBefore: earliest, actor: actor)
    }

    @discardableResult
    public func joinWaitlist(_ requestId: ConsultationRequest.ID, wantsBefore: Date?, actor: String) throws
        -> WaitlistEntry
    {
        try database.write { db in
            guard let request = try RequestRecord.fetchOne(db, key: requestId)?.request else {
                throw StoreError.unknownReference("request \(requestId)")
            }
            guard try WaitlistRows.waiting(requestId, db) == nil else { throw StoreError.alreadyWaiting(requestId) }
            guard try WaitlistRows.servedAtSite(request, db) else { throw StoreError.servedByUnit(requestId) }
            let live = try db.fetchOne(
                Bool.self,
                sql:
                    "SELECT EXISTS (SELECT 1 FROM bookings WHERE requestId = ? AND status NOT IN ('cancelled', 'notHeld'))",
                arguments: [requestId])
            guard live != true else { throw StoreError.requestAlreadyBooked(requestId) }
            let record = try WaitlistRows.join(
                requestId, siteId: request.siteId, wantsBefore: wantsBefore, returned: false, at: clock.now(),
                actor: actor, db)
            return Self.entry(record, urgency: request.urgency, offer: nil)
        }
    }

    /// The requests waiting, at `siteId` or everywhere, in the list's order
    /// (``WaitlistEntry/precedes(_:)``), each with the slot held for it, if any.
    public func waitlist(siteId: Site.ID? = nil) throws -> [WaitlistEntry] {
        try database.read { db in try Self.waitingEntries(siteId: siteId, db) }
    }

    /// The request's place on the list, nil when it is not waiting.
    public func waitlistEntry(_ requestId: ConsultationRequest.ID) throws -> WaitlistEntry? {
        try database.read { db in
            guard let record = try WaitlistRows.waiting(requestId, db) else { return nil }
            return try Self.entries([record], db).first
        }
    }

    /// Takes a request off the list (the staff found another way, or the need has gone), releasing
    /// the slot held for it. ``StoreError/notWaiting(_:)`` when it is not on the list.
    public func leaveWaitlist(_ requestId: ConsultationRequest.ID, actor: String) throws {
        try database.write { db in
            guard try WaitlistRows.waiting(requestId, db) != nil else { throw StoreError.notWaiting(requestId) }
            try WaitlistRows.leave(requestId, .withdrawn, at: clock.now(), actor: actor, db)
        }
    }

    /// Turns down the slot held for a waiting request: the slot is released (and passes to the
    /// next request when offers are made again), the request keeps its place.
    /// ``StoreError/noOffer(_:)`` when no slot is held for it.
    @discardableResult
    public func declineOffer(for requestId: ConsultationRequest.ID, actor: String) throws -> WaitlistOffer {
        try database.write { db in
            guard let entry = try WaitlistRows.waiting(requestId, db), let entryId = entry.id,
                let offer = try WaitlistRows.openOffer(entryId: entryId, db)
            else { throw StoreError.noOffer(requestId) }
            try WaitlistRows.release(offer, .declined, at: clock.now(), actor: actor, db)
            return offer.offer
        }
    }

    /// Releases every hold that has expired by the clock; returns the offers that lapsed, for the
    /// caller to offer their slots to the next requests.
    @discardableResult
    public func lapseOffers(actor: String = "waitlist") throws -> [WaitlistOffer] {
        let now = clock.now()
        let due = try database.read { db in
            try WaitlistOfferRecord.fetchAll(
                db,
                sql: "SELECT * FROM waitlistOffers WHERE closedAt IS NULL AND expiresAt <= ? ORDER BY expiresAt, id",
                arguments: [now])
        }
        guard !due.isEmpty else { return [] }
        return try database.write { db in
            var lapsed: [WaitlistOffer] = []
            for offer in due {
                // Read again inside the transaction: the site may have booked it meanwhile.
                guard let current = try WaitlistOfferRecord.fetchOne(db, key: offer.id), current.closedAt == nil
                else { continue }
                try WaitlistRows.release(current, .lapsed, at: now, actor: actor, db)
                lapsed.append(current.offer)
            }
            return lapsed
        }
    }

    /// When the next open hold expires, if any: the waiting list's keeper sleeps until then.
    public func nextOfferExpiry() throws -> Date? {
        try database.read { db in
            try db.fetchOne(Date.self, sql: "SELECT MIN(expiresAt) FROM waitlistOffers WHERE closedAt IS NULL")
        }
    }

    /// Every slot ever held for the request that ended without being booked: an offer is never
    /// made twice for the same slot.
    public func endedOffers(of requestId: ConsultationRequest.ID) throws -> [WaitlistOffer] {
        try database.read { db in
            try WaitlistOfferRecord.fetchAll(
                db,
                sql:
                    "SELECT * FROM waitlistOffers WHERE requestId = ? AND closedAt IS NOT NULL AND closedReason != 'booked'",
                arguments: [requestId]
            ).map(\.offer)
        }
    }

    /// The waiting requests that hold no slot: the roll and re-optimisations leave them to the
    /// waiting list's offers instead of proposing them a slot the staff already turned down.
    public func waitingRequestIds() throws -> Set<ConsultationRequest.ID> {
        try database.read { db in try Self.waitingRequestIds(db) }
    }

    static func waitingRequestIds(_ db: any SQLConnection) throws -> Set<ConsultationRequest.ID> {
        Set(
            try db.fetchAll(
                String.self,
                sql: """
                    SELECT w.requestId FROM waitlist w WHERE w.leftAt IS NULL AND NOT EXISTS
                    (SELECT 1 FROM bookings b WHERE b.requestId = w.requestId AND b.status NOT IN ('cancelled', 'notHeld'))
                    """
            ).map(ConsultationRequest.ID.init(rawValue:)))
    }

    static func waitingEntries(siteId: Site.ID?, _ db: any SQLConnection) throws -> [WaitlistEntry] {
        let records =
            if let siteId {
                try WaitlistRecord.fetchAll(
                    db, sql: "SELECT * FROM waitlist WHERE siteId = ? AND leftAt IS NULL", arguments: [siteId])
            } else {
                try WaitlistRecord.fetchAll(db, sql: "SELECT * FROM waitlist WHERE leftAt IS NULL")
            }
        return try entries(records, db).sorted { $0.precedes($1) }
    }

    private static func entries(_ records: [WaitlistRecord], _ db: any SQLConnection) throws -> [WaitlistEntry] {
        try records.map { record in
            let level = try db.fetchOne(
                String.self, sql: "SELECT urgency FROM requests WHERE id = ?", arguments: [record.requestId]
            ).flatMap(Urgency.init(rawValue:))
            let offer = try record.id.flatMap { try WaitlistRows.openOffer(entryId: $0, db) }
            return entry(record, urgency: level ?? .routine, offer: offer?.offer)
        }
    }

    private static func entry(_ record: WaitlistRecord, urgency: Urgency, offer: WaitlistOffer?) -> WaitlistEntry {
        WaitlistEntry(
            requestId: record.requestId, siteId: record.siteId, urgency: urgency, enteredAt: record.enteredAt,
            returned: record.returned, wantsBefore: record.wantsBefore, offer: offer)
    }
}
