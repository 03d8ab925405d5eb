import Foundation

/// One row of the append-only audit log: who did what to which entity, and when.
///
/// `before` and `after` are JSON texts (or nil for a creation or a deletion). They must hold a
/// pseudonymous patient reference at most, never a name or a diagnosis.
///
/// ```swift
/// let entry = AuditEntry(occurredAt: database.clock.now(), actor: "site:12", action: "booking.confirm", entityKind: "booking",
///                        entityId: "b-42", after: #"{"status":"confirmed"}"#)
/// ```
public struct AuditEntry: Codable, Equatable, Sendable {
    /// Assigned by the database on insert; nil before.
    public var id: Int64?
    /// Stored as UTC text with millisecond precision.
    public var occurredAt: Date
    public var actor: String
    public var action: String
    public var entityKind: String
    public var entityId: String
    public var before: String?
    public var after: String?

    public init(
        id: Int64? = nil,
        occurredAt: Date,
        actor: String,
        action: String,
        entityKind: String,
        entityId: String,
        before: String? = nil,
        after: String? = nil
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.entityKind = entityKind
        self.entityId = entityId
        self.before = before
        self.after = after
    }
}

extension AuditEntry: SQLRecord {
    static let databaseTableName = "auditLog"
}

extension AuditEntry {
    /// Refuses values SQLite would store differently from what the caller gave.
    func validated() throws -> AuditEntry {
        try checkTexts()
        for case (let field, let value?) in [("before", before), ("after", after)] {
            guard (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)) != nil
            else { throw StoreError.invalidJSON(field: field) }
        }
        return self
    }

    /// Refuses a text holding NUL, which SQLite's C text API would cut there.
    func checkTexts() throws {
        let texts: [(String, String?)] = [
            ("actor", actor), ("action", action), ("entityKind", entityKind),
            ("entityId", entityId), ("before", before), ("after", after),
        ]
        for case (let field, let value?) in texts where value.utf8.contains(0) {
            throw StoreError.invalidText(field: field)
        }
    }
}

extension AuditEntry {
    /// Inserts the entry inside the caller's transaction, so a change and its audit entry commit
    /// together or not at all. Callers in this module build `before` and `after` with
    /// ``StoreJSON``, so only the texts' NUL check runs here (the table's `json_valid` checks stay
    /// as the backstop); the statement is prepared once per connection: every booking change
    /// writes one entry.
    func append(to db: any SQLConnection) throws {
        try checkTexts()
        try db.execute(
            sql: """
                INSERT INTO auditLog (occurredAt, actor, action, entityKind, entityId, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [occurredAt, actor, action, entityKind, entityId, before, after])
    }

}
