import Hummingbird

/// Liveness for load balancers and operators: answers without touching the database, so a slow
/// store does not get the process restarted.
public struct HealthController<Context: RequestContext>: Sendable {
    let version: String

    public init(version: String) {
        self.version = version
    }

    /// Registers `GET /healthz` on `group`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get("healthz", use: health)
    }

    @Sendable func health(_ request: Request, context: Context) async throws -> HealthStatus {
        HealthStatus(version: version)
    }
}
