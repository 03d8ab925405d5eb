import Foundation

/// v19 on PostgreSQL: SQLite's ``SchemaV19`` with the baseline's byte-wise text ordering, and
/// the notification that tells the other replicas a change was committed: one per statement that
/// appends to the audit log, delivered at commit (``PostgresChangeListener``).
enum PostgresSchemaV19 {
    static let statements =
        SchemaV19.statements.map { $0.replacingOccurrences(of: " TEXT ", with: " TEXT COLLATE \"C\" ") }
        .joined(separator: ";\n") + """
            ;
            CREATE FUNCTION telemed_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('\(PostgresChangeListener.channel)', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER auditLog_notify AFTER INSERT ON auditLog
                FOR EACH STATEMENT EXECUTE FUNCTION telemed_notify_change()
            """
}
