import Foundation
import Hummingbird

/// What operators and client generators read: `/metrics` (Prometheus text) and `/openapi.yaml`.
struct OperationsController: Sendable {
    let metrics: ServerMetrics

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "metrics", use: exposition)
        routes.on(.get, "openapi.yaml", use: openAPI)
    }

    @Sendable func exposition(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
    }

    @Sendable func openAPI(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: Self.document))
    }

    /// The document shipped as a resource of this module (also at the repository root).
    static let document: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("openapi.yaml is missing from the TelemedServer resources") }
        return ByteBuffer(bytes: data)
    }()
}
