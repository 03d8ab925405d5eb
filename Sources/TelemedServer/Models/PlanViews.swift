import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore

/// What `POST /api/v1/plans` runs.
enum PlanKind: String, ClosedVocabulary, Sendable {
    /// The unconfirmed work planned again around the confirmed bookings, then applied to the
    /// live proposed bookings and unit routes.
    case reoptimise
    /// The same, on the scenario changed by `changes` (the what-if file's change format); a report
    /// only, never applied.
    case whatif
}

/// The body of `POST /api/v1/plans`.
struct PlanRequestBody: Codable, Sendable {
    var kind: PlanKind
    /// `whatif` only: the changes, as in `Scenarios/whatif/*.json`.
    var changes: [WhatIfChange]?
}

/// `GET /api/v1/plans/{id}`: a background run and, once finished, its figures.
struct PlanView: Codable, Sendable {
    var id: String
    var kind: String
    var status: PlanRun.Status
    var createdAt: Date
    var kpis: PlanKPIs?
    /// Requests the plan leaves out, each with the blocking rule and the reason.
    var unassigned: [UnassignedRequest]?
    /// `reoptimise` once finished: what applying the plan changed in the live schedule.
    var applied: PlanApplication?

    init(_ run: PlanRun) {
        id = run.id
        kind = run.kind
        status = run.status
        createdAt = run.createdAt
        kpis = run.kpis
        unassigned = run.plan?.unassigned
        applied = run.applied
    }
}

/// `GET /api/v1/plans/{id}/compare/{other}`: the two runs' figures side by side.
struct PlanComparisonView: Codable, Sendable {
    struct Column: Codable, Sendable {
        var id: String
        var kind: String
        var kpis: PlanKPIs
    }

    var a: Column
    var b: Column
}
