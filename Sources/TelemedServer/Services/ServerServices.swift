import Foundation
import Logging
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

    init(configuration: ServerConfiguration, database: TelemedDatabase, logger: Logger) {
        self.configuration = configuration
        self.database = database
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
            metrics: metrics, logger: logger)
        body = StrictJSON(limit: configuration.bodyLimit)
    }

    /// A fresh id with a readable prefix (`R-`, `P-`, `plan-`): 48 random bits, enough that two
    /// never meet in one region's lifetime, short enough to read over the phone.
    static func newId(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String(UInt64.random(in: 0..<(1 << 48), using: &generator), radix: 16, uppercase: true)
    }
}
