import GRDB

/// v19: state the replicas of one database share. `pageSessions`: a signed-in browser's session,
/// kept by the hash of its cookie value with the hash of the access code it was opened with
/// (never the code), so any replica recognises it and a revoked code ends it. `leases`: which
/// process holds a duty that must run in one place at a time (the nightly roll, the outbox's
/// delivery), until when. Same text on PostgreSQL (``PostgresSchemaV19``).
enum SchemaV19 {
    static let statements = [
        """
        CREATE TABLE pageSessions (
            idHash TEXT PRIMARY KEY NOT NULL,
            tokenHash TEXT NOT NULL,
            expiresAt TEXT NOT NULL
        )
        """,
        "CREATE INDEX pageSessions_expiry ON pageSessions (expiresAt)",
        """
        CREATE TABLE leases (
            name TEXT PRIMARY KEY NOT NULL,
            holder TEXT NOT NULL,
            expiresAt TEXT NOT NULL
        )
        """,
    ]

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }
}
