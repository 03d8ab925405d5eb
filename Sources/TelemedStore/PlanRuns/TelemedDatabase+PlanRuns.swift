import GRDB

extension TelemedDatabase {
    /// Inserts or replaces a plan run (KPIs and plan stored as JSON text: read whole, never queried).
    public func savePlanRun(_ run: PlanRun) throws {
        try writer.write { db in try PlanRunRecord(run).upsert(db) }
    }

    public func planRun(id: String) throws -> PlanRun? {
        try writer.read { db in try PlanRunRecord.fetchOne(db, key: id)?.run }
    }

    /// The most recent runs first.
    public func planRuns(limit: Int = 50) throws -> [PlanRun] {
        try writer.read { db in
            try PlanRunRecord.order(Column("createdAt").desc, Column("id")).limit(max(0, limit)).fetchAll(db).map(\.run)
        }
    }
}
