import GRDB

extension TelemedDatabase {
    /// Appends one entry to the audit log in its own transaction and returns it with its id.
    ///
    /// Throws ``StoreError/invalidText(field:)`` or ``StoreError/invalidJSON(field:)`` before
    /// touching the database, so a refused entry changes nothing.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> AuditEntry {
        var row = try entry.validated()
        row.id = nil
        return try writer.write { db in
            try row.insert(db)
            return row
        }
    }

    /// The most recent audit entries, newest first.
    public func auditEntries(limit: Int = 100) throws -> [AuditEntry] {
        try writer.read { db in
            try AuditEntry
                .order(Column("id").desc)
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }
}
