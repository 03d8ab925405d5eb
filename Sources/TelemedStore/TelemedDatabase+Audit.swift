extension TelemedDatabase {
    /// Appends one entry to the audit log in its own transaction and returns it with its id.
    ///
    /// Throws ``StoreError/invalidText(field:)`` or ``StoreError/invalidJSON(field:)`` before
    /// touching the database, so a refused entry changes nothing.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> AuditEntry {
        var row = try entry.validated()
        row.id = nil
        row.id = try database.write { db in try row.insertReturningID(db) }
        return row
    }

    /// The most recent audit entries, newest first.
    public func auditEntries(limit: Int = 100) throws -> [AuditEntry] {
        try database.read { db in
            try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM auditLog ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
        }
    }
}
