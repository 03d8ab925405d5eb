import Hummingbird
import Logging
import ServiceLifecycle
import TelemedStore

/// TelemedServer: the Hummingbird 2 HTTP front end (JSON API, French pages, feeds, metrics). Controllers take
/// their dependencies in their initialisers; nothing is global.
///
/// ```swift
/// let database = try TelemedDatabase.openFile(at: "telemed.sqlite", clock: .system)
/// let app = try buildApplication(configuration: ServerConfiguration(port: 8080), database: database)
/// try await app.runService()   // stops gracefully on SIGINT and SIGTERM
/// ```
///
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(
    configuration: ServerConfiguration, database: TelemedDatabase, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: configuration.serverName)
    logger.logLevel = configuration.logLevel
    try PlanRunner.markInterrupted(in: database)
    let services = ServerServices(configuration: configuration, database: database, logger: logger)
    let background: [any Service] =
        configuration.rollAt.map { time in
            [
                NightlyRoll(
                    database: database, rollAt: time, seed: configuration.planSeed, metrics: services.metrics,
                    logger: logger)
            ]
        } ?? []
    return Application(
        router: buildRouter(services: services),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName),
        services: background,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router with every middleware and controller; middlewares first, since Hummingbird applies
/// them only to routes added after them.
func buildRouter(services: ServerServices) -> Router<TelemedRequestContext> {
    let router = Router(context: TelemedRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: MetricsMiddleware(metrics: services.metrics))
    router.add(middleware: ProblemMiddleware())
    let root = RouteTable(router.group())
    HealthController(version: services.configuration.version).addRoutes(to: root)
    OperationsController(metrics: services.metrics).addRoutes(to: root)
    FeedController(services: services).addRoutes(to: root)
    root.refuseOtherMethods()
    let pageServices = PageServices(configuration: services.configuration)
    let pages = RouteTable(router.group().add(middleware: PageErrorMiddleware(pages: pageServices)))
    PagesController(services: services, pages: pageServices).addRoutes(to: pages)
    pages.refuseOtherMethods()
    let api = RouteTable(router.group("api/v1").add(middleware: BearerAuthMiddleware(database: services.database)))
    RequestController(services: services).addRoutes(to: api)
    BookingController(services: services).addRoutes(to: api)
    ScheduleController(services: services).addRoutes(to: api)
    PlanController(services: services).addRoutes(to: api)
    api.refuseOtherMethods()
    return router
}
