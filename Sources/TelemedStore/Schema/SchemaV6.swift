import GRDB

/// v6: what applying a re-optimisation did to the live schedule (``PlanApplication``), kept on
/// its run as JSON text (read whole, never queried).
enum SchemaV6 {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "planRuns") { t in
            t.add(column: "applied", .jsonText).check(sql: "applied IS NULL OR json_valid(applied)")
        }
    }
}
