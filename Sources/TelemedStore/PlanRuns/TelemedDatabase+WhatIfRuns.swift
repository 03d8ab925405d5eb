import Foundation
import TelemedCore

/// A what-if started from the planner page: the plan run solving it, the name the planner gave
/// it, when it started, and the changed scenario the run solves (the comparison draws sites,
/// waits and routes from it; the run keeps only its plan and KPIs).
///
/// ```swift
/// try database.saveWhatIfRun(WhatIfRun(planRunId: run.id, name: "Sans S-016", startedAt: database.clock.now(), scenario: changed))
/// let kept = try database.whatIfRun(planRunId: run.id)   // after a restart too
/// ```
public struct WhatIfRun: Sendable {
    public var planRunId: String
    public var name: String
    public var startedAt: Date
    public var scenario: Scenario

    public init(planRunId: String, name: String, startedAt: Date, scenario: Scenario) {
        self.planRunId = planRunId
        self.name = name
        self.startedAt = startedAt
        self.scenario = scenario
    }
}

/// The row of `whatIfRuns`; the scenario is compact JSON text, read whole.
struct WhatIfRunRecord: StoreRecord {
    static let databaseTableName = "whatIfRuns"
    static let primaryKeyColumns = ["planRunId"]

    var planRunId: String
    var name: String
    var startedAt: Date
    var scenario: Scenario

    init(_ run: WhatIfRun) {
        (planRunId, name, startedAt, scenario) = (run.planRunId, run.name, run.startedAt, run.scenario)
    }

    var run: WhatIfRun { WhatIfRun(planRunId: planRunId, name: name, startedAt: startedAt, scenario: scenario) }
}

extension TelemedDatabase {
    /// How many page what-ifs keep their changed scenario (about 1 MB each on the demo region):
    /// the newest, by start. An older one's plan run and KPIs stay; its comparison page is gone.
    public static let keptWhatIfRuns = 100

    /// Stores a page what-if beside its plan run (which must be saved first; deleting the run
    /// deletes it), and forgets the scenarios of what-ifs older than the newest
    /// ``keptWhatIfRuns``. Not audited, like plan runs: it changes no one's schedule.
    public func saveWhatIfRun(_ run: WhatIfRun) throws {
        try database.write { db in
            guard try PlanRunRecord.exists(db, key: run.planRunId) else {
                throw StoreError.unknownReference("plan run \(run.planRunId)")
            }
            try WhatIfRunRecord(run).upsert(db)
            try db.execute(
                sql: """
                    DELETE FROM whatIfRuns WHERE planRunId NOT IN (
                        SELECT planRunId FROM whatIfRuns ORDER BY startedAt DESC, planRunId DESC LIMIT ?)
                    """, arguments: [Self.keptWhatIfRuns])
        }
    }

    /// The page what-if of a plan run; nil when the run was not started from the planner page.
    public func whatIfRun(planRunId: String) throws -> WhatIfRun? {
        try database.read { db in try WhatIfRunRecord.fetchOne(db, key: planRunId)?.run }
    }
}
