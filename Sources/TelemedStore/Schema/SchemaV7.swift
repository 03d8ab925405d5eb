import GRDB

/// v7: the what-ifs started from the planner page, by plan run: the name the planner gave and the
/// changed scenario the run solves, so their comparison can still be drawn after a restart (the
/// run itself keeps only its plan and KPIs).
enum SchemaV7 {
    static func migrate(_ db: Database) throws {
        try db.create(table: "whatIfRuns") { t in
            t.primaryKey("planRunId", .text).references("planRuns", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("scenario", .jsonText).notNull()
            t.check(sql: "json_valid(scenario)")
        }
    }
}
