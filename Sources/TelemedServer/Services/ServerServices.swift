import Foundation
import Logging
import TelemedCore
import TelemedSolver
import TelemedStore

/// The application's services, made once from its database and configuration; ``buildRouter``
/// hands each controller the few it uses.
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
    let offers: ProposalOffers
    let booking: ProposalBooking
    let outcomes: SessionOutcomes
    let waitlist: WaitlistOffers
    let campaigns: CampaignCreation
    /// The service's one clock: the database's, so what the store records and what the pages say
    /// agree.
    var clock: ServiceClock { database.clock }

    init(configuration: ServerConfiguration, database: TelemedDatabase, logger: Logger, ids: IdGenerator = .random) {
        self.configuration = configuration
        self.database = database
        store = DatabaseBookingStore(database)
        livePlan = LivePlan(database: database)
        feeds = FeedCache(database: database, alarms: configuration.feedAlarms)
        metrics = ServerMetrics()
        bookings = BookingQueue(store: store, metrics: metrics)
        plans = PlanRunner(
            database: database,
            options: SolverOptions(
                seed: configuration.planSeed, iterations: configuration.planIterations,
                timeLimit: configuration.planTimeLimit),
            metrics: metrics, logger: logger, ids: ids)
        body = StrictJSON(limit: configuration.bodyLimit)
        offers = ProposalOffers(
            database: database, livePlan: livePlan, metrics: metrics, ids: ids,
            lifetime: configuration.proposalLifetime)
        booking = ProposalBooking(database: database, bookings: bookings, offers: offers, metrics: metrics)
        waitlist = WaitlistOffers(
            database: database, store: store, livePlan: livePlan, ids: ids, hold: configuration.waitlistHold,
            logger: logger)
        outcomes = SessionOutcomes(store: store, metrics: metrics, waitlist: waitlist)
        campaigns = CampaignCreation(database: database, plans: plans, ids: ids)
    }
}
