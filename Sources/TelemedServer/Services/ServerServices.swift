import Foundation
import Logging
import TelemedCore
import TelemedSolver
import TelemedStore

/// Everything the controllers share, made once per application from its database and
/// configuration and handed to each controller's initialiser.
struct ServerServices: Sendable {
    let configuration: ServerConfiguration
    let database: TelemedDatabase
    let store: any BookingStore
    /// Confirmations go through this queue (group commit), never straight to `store.book`.
    let bookings: BookingQueue
    let livePlan: LivePlan
    let feeds: FeedCache
    let plans: PlanRunner
    let metrics: ServerMetrics
    let body: StrictJSON
    /// The service's one clock: the database's, so what the store records and what the pages say
    /// agree.
    var clock: ServiceClock { database.clock }

    let ids: IdGenerator

    init(configuration: ServerConfiguration, database: TelemedDatabase, logger: Logger, ids: IdGenerator = .random) {
        self.configuration = configuration
        self.database = database
        self.ids = ids
        store = SQLiteBookingStore(database)
        livePlan = LivePlan(database: database)
        feeds = FeedCache(database: database)
        metrics = ServerMetrics()
        bookings = BookingQueue(store: store, metrics: metrics)
        plans = PlanRunner(
            database: database,
            options: SolverOptions(
                seed: configuration.planSeed, iterations: configuration.planIterations,
                timeLimit: configuration.planTimeLimit),
            metrics: metrics, logger: logger, ids: ids)
        body = StrictJSON(limit: configuration.bodyLimit)
    }

    /// A fresh id with a readable prefix (`R-`, `P-`); see ``IdGenerator``.
    func newId(_ prefix: String) -> String {
        ids.next(prefix)
    }
}
