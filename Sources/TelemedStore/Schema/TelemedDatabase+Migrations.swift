import GRDB

extension TelemedDatabase {
    /// The whole schema history. Append new migrations (`v2`, `v3`…); never edit a shipped one,
    /// since files in the field have already run it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "storeMetadata") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "auditLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("occurredAt", .datetime).notNull().indexed()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("entityKind", .text).notNull()
                t.column("entityId", .text).notNull()
                t.column("before", .jsonText)
                t.column("after", .jsonText)
                t.check(sql: "before IS NULL OR json_valid(before)")
                t.check(sql: "after IS NULL OR json_valid(after)")
            }
            try db.create(index: "auditLog_entity", on: "auditLog", columns: ["entityKind", "entityId"])
            // The log is evidence: even code holding a write connection cannot rewrite history.
            try db.execute(
                sql: """
                    CREATE TRIGGER auditLog_noUpdate BEFORE UPDATE ON auditLog
                    BEGIN SELECT RAISE(ABORT, 'auditLog is append-only: UPDATE refused'); END;
                    CREATE TRIGGER auditLog_noDelete BEFORE DELETE ON auditLog
                    BEGIN SELECT RAISE(ABORT, 'auditLog is append-only: DELETE refused'); END;
                    """)
        }
        migrator.registerMigration("v2", migrate: SchemaV2.migrate)
        migrator.registerMigration("v4-entityGeneration", migrate: SchemaV4.migrate)
        migrator.registerMigration("v5-proposals", migrate: SchemaV5.migrate)
        migrator.registerMigration("v6-planApplication", migrate: SchemaV6.migrate)
        migrator.registerMigration("v7-whatIfRuns", migrate: SchemaV7.migrate)
        migrator.registerMigration("v8-committedIndexes", migrate: SchemaV8.migrate)
        migrator.registerMigration("v9-planningWindow", migrate: SchemaV9.migrate)
        migrator.registerMigration("v10-outcomes", migrate: SchemaV10.migrate)
        migrator.registerMigration("v11-consent", migrate: SchemaV11.migrate)
        migrator.registerMigration("v12-waitlist", migrate: SchemaV12.migrate)
        migrator.registerMigration("v13-outbox", migrate: SchemaV13.migrate)
        migrator.registerMigration("v14-contacts", migrate: SchemaV14.migrate)
        migrator.registerMigration("v15-zones", migrate: SchemaV15.migrate)
        migrator.registerMigration("v16-circuits", migrate: SchemaV16.migrate)
        migrator.registerMigration("v17-careSeries", migrate: SchemaV17.migrate)
        migrator.registerMigration("v18-campaigns", migrate: SchemaV18.migrate)
        migrator.registerMigration("v19-replicas", migrate: SchemaV19.migrate)
        return migrator
    }
}
