import Hummingbird
import Logging
import TelemedStore

/// Turns every error thrown below it, unknown routes included, into an RFC 9457 problem response.
///
/// Unexpected errors become a 500 whose body says nothing about the cause; the cause goes to the
/// log with the request id, so clients never see internals.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            let headers: HTTPFields = error == .unauthenticated ? [.wwwAuthenticate: #"Bearer realm="telemed""#] : [:]
            return error.problem.response(headers: headers)
        } catch let error as StoreError {
            guard let refusal = APIError(error) else {
                context.logger.error("Store failure", metadata: ["error": "\(error)"])
                return ProblemDetails(status: .internalServerError, detail: Self.defaultDetail(.internalServerError))
                    .response()
            }
            return refusal.problem.response()
        } catch let error as HTTPError {
            return ProblemDetails(status: error.status, detail: error.body ?? Self.defaultDetail(error.status))
                .response(headers: error.headers)
        } catch let error as any HTTPResponseError where error.status.kind != .serverError {
            return ProblemDetails(status: error.status, detail: Self.defaultDetail(error.status)).response()
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return ProblemDetails(status: .internalServerError, detail: Self.defaultDetail(.internalServerError))
                .response()
        }
    }

    static func defaultDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "No resource exists at this path."
        case .methodNotAllowed: "This path does not accept this method."
        case .internalServerError: "An unexpected error occurred. It has been logged."
        default: "The request could not be served."
        }
    }
}
