import Hummingbird
import Logging

/// TelemedServer: the Hummingbird 2 HTTP front end (JSON API, feeds, pages). Controllers take
/// their dependencies in their initializers; nothing is global.
///
/// ```swift
/// let app = buildApplication(configuration: ServerConfiguration(port: 8080))
/// try await app.runService()
/// ```
public func buildApplication(configuration: ServerConfiguration) -> some ApplicationProtocol {
    var logger = Logger(label: configuration.serverName)
    logger.logLevel = configuration.logLevel
    return Application(
        router: buildRouter(configuration: configuration),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName),
        logger: logger)
}

/// The router with every middleware and controller; middlewares first, since Hummingbird applies
/// them only to routes added after them.
func buildRouter(configuration: ServerConfiguration) -> Router<TelemedRequestContext> {
    let router = Router(context: TelemedRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    HealthController(version: configuration.version).addRoutes(to: router.group())
    return router
}
