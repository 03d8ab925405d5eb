import Hummingbird
import Logging
import ServiceLifecycle
import TelemedNotify
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
    let roll: [any Service] =
        configuration.rollAt.map { time in
            [
                NightlyRoll(
                    database: database, rollAt: time, seed: configuration.planSeed, metrics: services.metrics,
                    waitlist: services.waitlist, logger: logger)
            ]
        } ?? []
    var channels: [Delivery.Channel: any DeliveryChannel] = [
        .webhook: WebhookChannel(database: database, seal: configuration.webhookSeal, version: configuration.version)
    ]
    if let email = configuration.email {
        channels[.email] = EmailChannel(database: database, settings: email, logger: logger)
    }
    let delivery = DeliveryWorker(
        database: database, channels: channels, retry: configuration.deliveryRetry, logger: logger)
    let reminders: [any Service] =
        configuration.reminderAt.map { [ReminderDigests(database: database, at: $0, logger: logger)] } ?? []
    let background =
        roll + [WaitlistKeeper(database: database, offers: services.waitlist, logger: logger)] + reminders
        + (configuration.deliversNotifications ? [delivery] : [])
    return Application(
        router: try buildRouter(services: services),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName),
        services: background,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router with every middleware and controller; middlewares first, since Hummingbird applies
/// them only to routes added after them. Each controller gets the services it uses, no more.
func buildRouter(services: ServerServices) throws -> Router<TelemedRequestContext> {
    let router = Router(context: TelemedRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: MetricsMiddleware(metrics: services.metrics))
    router.add(middleware: ProblemMiddleware())
    let root = RouteTable(router.group())
    HealthController(version: services.configuration.version).addRoutes(to: root)
    OperationsController(metrics: services.metrics).addRoutes(to: root)
    FeedController(feeds: services.feeds).addRoutes(to: root)
    root.refuseOtherMethods()
    try addPageRoutes(services: services, to: router)
    let api = RouteTable(router.group("api/v1").add(middleware: BearerAuthMiddleware(database: services.database)))
    RequestController(body: services.body, offers: services.offers, database: services.database).addRoutes(to: api)
    WaitlistController(database: services.database, waitlist: services.waitlist).addRoutes(to: api)
    OutboxController(database: services.database).addRoutes(to: api)
    BookingController(
        body: services.body, store: services.store, booking: services.booking, outcomes: services.outcomes,
        waitlist: services.waitlist, metrics: services.metrics
    ).addRoutes(to: api)
    ScheduleController(database: services.database, store: services.store).addRoutes(to: api)
    PlanController(body: services.body, database: services.database, plans: services.plans).addRoutes(to: api)
    CampaignController(body: services.body, database: services.database, creation: services.campaigns)
        .addRoutes(to: api)
    api.refuseOtherMethods()
    return router
}

/// The French pages, kept apart from the JSON API: their own route group, errors as French HTML
/// pages (``PageErrorMiddleware``), a cookie session instead of bearer tokens; every path from
/// ``PageRoutes``.
private func addPageRoutes(services: ServerServices, to router: Router<TelemedRequestContext>) throws {
    let pages = try PageServices(configuration: services.configuration, database: services.database)
    let access = PageAccess(database: services.database, pages: pages)
    let outcomes = OutcomePosting(outcomes: services.outcomes)
    let routes = RouteTable(router.group().add(middleware: PageErrorMiddleware(pages: pages)))
    LoginController(database: services.database, access: access, pages: pages).addRoutes(to: routes)
    StaffController(
        database: services.database, store: services.store, offers: services.offers, booking: services.booking,
        metrics: services.metrics, outcomes: outcomes, waitlist: services.waitlist, access: access, pages: pages,
        builder: StaffPageBuilder(
            database: services.database, store: services.store, livePlan: services.livePlan,
            waitlist: services.waitlist, hold: services.configuration.waitlistHold, pages: pages)
    ).addRoutes(to: routes)
    CrewController(
        database: services.database, store: services.store, livePlan: services.livePlan, outcomes: outcomes,
        access: access, pages: pages
    ).addRoutes(to: routes)
    SpecialistController(
        database: services.database, store: services.store, livePlan: services.livePlan, outcomes: outcomes,
        access: access, pages: pages
    ).addRoutes(to: routes)
    PlannerController(
        database: services.database, plans: services.plans, planTimeLimit: services.configuration.planTimeLimit,
        access: access, pages: pages, campaigns: services.campaigns
    ).addRoutes(to: routes)
    ActivityReportController(database: services.database, access: access).addRoutes(to: routes)
    routes.refuseOtherMethods()
}
