import Hummingbird

/// Counts every response by method, route pattern and status, with its latency. Added before
/// ``ProblemMiddleware`` so that refusals are counted with the status the client got.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = TelemedRequestContext
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        func record(_ status: Int) {
            metrics.recordRequest(
                method: request.method.rawValue, route: route, status: status, duration: ContinuousClock.now - started)
        }
        do {
            let response = try await next(request, context)
            record(response.status.code)
            return response
        } catch {
            // Only errors ProblemMiddleware did not see reach here (it sits below this one).
            record(500)
            throw error
        }
    }
}
