extension TelemedDatabase {
    /// Inserts or replaces a plan run (KPIs and plan stored as JSON text: read whole, never queried).
    public func savePlanRun(_ run: PlanRun) throws {
        try database.write { db in try PlanRunRecord(run).upsert(db) }
    }

    public func planRun(id: String) throws -> PlanRun? {
        try database.read { db in try PlanRunRecord.fetchOne(db, key: id)?.run }
    }

    /// The runs still marked `running`, by id: what a start-up sweep looks at, without reading
    /// every stored plan.
    public func runningPlanRuns() throws -> [PlanRun] {
        try database.read { db in
            try PlanRunRecord.fetchAll(
                db, sql: "SELECT * FROM planRuns WHERE status = ? ORDER BY id",
                arguments: [PlanRun.Status.running.rawValue]
            ).map(\.run)
        }
    }

    /// The most recent runs first.
    public func planRuns(limit: Int = 50) throws -> [PlanRun] {
        try database.read { db in
            try PlanRunRecord.fetchAll(
                db, sql: "SELECT * FROM planRuns ORDER BY createdAt DESC, id LIMIT ?", arguments: [max(0, limit)]
            ).map(\.run)
        }
    }
}
