import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Stores a new consultation request with the proposals offered for it, in one transaction.
    /// `notes` are the staff's free text: kept with the request, never published or logged.
    /// Not audited: a request changes no one's schedule (its booking will be), and an audit entry
    /// would move ``changeGeneration()``, so every request would rebuild the proposal engine.
    ///
    /// ```swift
    /// try database.recordRequest(request, notes: nil, proposals: offered)
    /// ```
    public func recordRequest(_ request: ConsultationRequest, notes: String?, proposals: [StoredProposal]) throws {
        try recordRequests([request], notes: notes, proposals: proposals)
    }

    /// ``recordRequest(_:notes:proposals:)`` for the occurrences of a care series asked for at once
    /// (``ConsultationRequest/expandingSeries()``), each with the same notes: all or none are stored.
    public func recordRequests(_ requests: [ConsultationRequest], notes: String?, proposals: [StoredProposal]) throws {
        if let notes, notes.utf8.contains(0) { throw StoreError.invalidText(field: "requests.notes") }
        try database.write { db in
            var position = try db.fetchOne(Int.self, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM requests") ?? 0
            for request in requests {
                guard try SiteRecord.exists(db, key: request.siteId) else {
                    throw StoreError.unknownReference("site \(request.siteId)")
                }
                try RequestRecord(request, position: position).insert(db)
                position += 1
                if let notes {
                    try db.execute(sql: "UPDATE requests SET notes = ? WHERE id = ?", arguments: [notes, request.id])
                }
            }
            try Self.insert(proposals, db)
        }
    }

    /// Stores more proposals for requests already stored (those of a reschedule).
    public func saveProposals(_ proposals: [StoredProposal]) throws {
        try database.write { db in try Self.insert(proposals, db) }
    }

    /// A stored proposal, expired or not; nil when unknown.
    public func proposal(id: String) throws -> StoredProposal? {
        // Read on every booking: one statement.
        try database.readStatement { db in try ProposalRecord.fetchOne(db, key: id)?.stored }
    }

    /// The stored proposals of a request, expired or not, earliest offered first.
    public func proposals(of requestId: ConsultationRequest.ID) throws -> [StoredProposal] {
        try database.read { db in
            try ProposalRecord.fetchAll(
                db, sql: "SELECT * FROM proposals WHERE requestId = ? ORDER BY createdAt, id", arguments: [requestId]
            ).map(\.stored)
        }
    }

    /// A stored request; nil when unknown.
    public func request(id: ConsultationRequest.ID) throws -> ConsultationRequest? {
        try database.read { db in try RequestRecord.fetchOne(db, key: id)?.request }
    }

    /// Deletes proposals that expired before `instant`; returns how many.
    @discardableResult
    public func deleteProposals(expiredBefore instant: Date) throws -> Int {
        try database.write { db in
            try db.execute(sql: "DELETE FROM proposals WHERE expiresAt < ?", arguments: [instant])
        }
    }

    /// Raised by every change the store makes: the id of the last audit entry, since every write
    /// (bookings, routes, scenario, availability) appends one in its own transaction. Caches of
    /// anything drawn from the schedule (feeds, the proposal engine) are keyed by it, so a change
    /// made by another process is seen too.
    public func changeGeneration() throws -> Int64 {
        try database.read { db in try db.fetchOne(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM auditLog") ?? 0 }
    }

    /// ``changeGeneration()`` without a read when nothing can have changed: a change committed
    /// through this database value (or a copy of it) is seen at once, one committed by another
    /// process within `tolerance`. For caches on hot paths (a feed `GET`).
    public func recentChangeGeneration(tolerance: Duration) throws -> Int64 {
        try changeWatch.generation(tolerance: tolerance) { try changeGeneration() }
    }

    private static func insert(_ proposals: [StoredProposal], _ db: any SQLConnection) throws {
        for proposal in proposals { try ProposalRecord(proposal).insert(db) }
    }
}
