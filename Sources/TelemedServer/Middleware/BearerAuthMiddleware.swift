import Hummingbird
import TelemedStore

/// Resolves `Authorization: Bearer TOKEN` to the token's role, or refuses with 401. Tokens are
/// looked up by hash on every request, so a revocation (`telemed token revoke`, from another
/// process) takes effect at once.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = TelemedRequestContext
    let database: TelemedDatabase

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let role = try database.role(forToken: String(header.dropFirst("Bearer ".count)))
        else { throw APIError.unauthenticated }
        var context = context
        context.role = role
        return try await next(request, context)
    }
}
