import Hummingbird
import TelemedStore

/// Planners' runs: `POST /plans` (202, in the background), `GET /plans/{id}`, and
/// `GET /plans/{id}/compare/{other}`.
struct PlanController: Sendable {
    let body: StrictJSON
    let database: TelemedDatabase
    let plans: PlanRunner

    func addRoutes(to routes: RouteTable) {
        routes.on(.post, "plans", use: start)
        routes.on(.get, "plans/{id}", use: show)
        routes.on(.get, "plans/{id}/compare/{other}", use: compare)
    }

    @Sendable func start(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try context.requireRole()
        try role.requirePlanning()
        let plan = try await body.decode(PlanRequestBody.self, from: request)
        let run = try await plans.start(plan, actor: role.description)
        context.logger.info("Plan run started", metadata: ["plan": "\(run.id)", "kind": "\(run.kind)"])
        return try JSONResponse.make(PlanView(run), status: .accepted, headers: [.location: "/api/v1/plans/\(run.id)"])
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try context.requireRole().requirePlanning()
        return try JSONResponse.make(PlanView(try run(context.parameters.require("id"))))
    }

    @Sendable func compare(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try context.requireRole().requirePlanning()
        let columns = try ["id", "other"].map { name in
            let run = try run(context.parameters.require(name))
            guard run.status == .finished, let kpis = run.kpis else {
                throw APIError.conflict(
                    "Plan \(run.id) is \(run.status.rawValue); compare runs once both have finished.", collisions: [])
            }
            return PlanComparisonView.Column(id: run.id, kind: run.kind, kpis: kpis)
        }
        return try JSONResponse.make(PlanComparisonView(a: columns[0], b: columns[1]))
    }

    private func run(_ id: String) throws -> PlanRun {
        guard let run = try database.planRun(id: id) else {
            throw APIError.notFound("There is no plan \(id).")
        }
        return run
    }
}
