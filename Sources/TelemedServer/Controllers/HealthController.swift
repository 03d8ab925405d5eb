import Hummingbird

/// Liveness for load balancers and operators: answers without touching the database, so a slow
/// store does not get the process restarted.
public struct HealthController: Sendable {
    let version: String

    public init(version: String) {
        self.version = version
    }

    /// Registers `GET /healthz`.
    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "healthz", use: health)
    }

    @Sendable func health(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try JSONResponse.make(HealthStatus(version: version))
    }
}
