import Crypto
import Foundation
import TelemedCore
import TelemedSolver

/// One what-if run a planner asked for: its kind (`solve`, `whatIf:addUnit`…), status, when, the
/// hash of the scenario it ran on, and its results (KPIs and plan) as JSON once finished.
///
/// ```swift
/// var run = PlanRun(id: "run-7", kind: "solve", status: .running, createdAt: database.clock.now(), scenarioHash: hash)
/// try database.savePlanRun(run)
/// run.status = .finished; run.kpis = kpis; run.plan = plan
/// try database.savePlanRun(run)
/// ```
public struct PlanRun: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case running, finished, failed
    }

    public var id: String
    public var kind: String
    public var status: Status
    public var createdAt: Date
    /// SHA-256 of the scenario JSON the run used, so results of the same inputs can be compared.
    public var scenarioHash: String
    public var kpis: PlanKPIs?
    public var plan: Plan?
    /// For a re-optimisation, what applying its plan to the live schedule did; nil for a what-if
    /// (report only) and before the apply.
    public var applied: PlanApplication?

    public init(
        id: String, kind: String, status: Status, createdAt: Date, scenarioHash: String,
        kpis: PlanKPIs? = nil, plan: Plan? = nil, applied: PlanApplication? = nil
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.createdAt = createdAt
        self.scenarioHash = scenarioHash
        self.kpis = kpis
        self.plan = plan
        self.applied = applied
    }

    /// SHA-256 (hex) of a scenario as telemed writes it.
    public static func hash(of scenario: Scenario) throws -> String {
        SHA256.hash(data: try ScenarioCoder.encode(scenario)).lowercaseHex
    }
}

/// The row of `planRuns` holding a ``PlanRun``; KPIs, plan and application are JSON text (read whole, never queried).
struct PlanRunRecord: StoreRecord {
    static let databaseTableName = "planRuns"

    var id: String
    var kind: String
    var status: PlanRun.Status
    var createdAt: Date
    var scenarioHash: String
    var kpis: PlanKPIs?
    var plan: Plan?
    var applied: PlanApplication?

    init(_ run: PlanRun) {
        (id, kind, status, createdAt) = (run.id, run.kind, run.status, run.createdAt)
        (scenarioHash, kpis, plan, applied) = (run.scenarioHash, run.kpis, run.plan, run.applied)
    }

    var run: PlanRun {
        PlanRun(
            id: id, kind: kind, status: status, createdAt: createdAt, scenarioHash: scenarioHash, kpis: kpis,
            plan: plan, applied: applied)
    }
}
