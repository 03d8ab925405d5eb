import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore

/// The plan in force and the proposal engine compiled over it: every stored booking that is not
/// cancelled holds its place (confirmed ones are pinned; proposed ones are the planned work).
/// When the store's change generation moved, the engine follows: bookings created since (the
/// day's usual change) are added to it (``ProposalEngine/holding(_:of:)``, well under a
/// millisecond), and any other change (a cancellation, a move, a re-optimisation, an import)
/// rebuilds it from the stored schedule (about 100 ms on the demo region). The generation comes from
/// ``TelemedDatabase/recentChangeGeneration(tolerance:)``, as for the feeds: a booking made by
/// this server is respected by the very next proposal, without a read of the file per request;
/// one made by another process (a `telemed` command on the same file) within
/// ``otherProcessDelay``. A proposal drawn from a plan that late is still safe to offer: booking
/// it re-checks every rule in the store's transaction (a 409 at worst).
actor LivePlan {
    /// How late a change made by another process may be seen; this server's own show at once.
    static let otherProcessDelay: Duration = .seconds(1)

    let database: TelemedDatabase
    private var cached: (generation: Int64, engine: ProposalEngine, scenario: Scenario)?
    /// Engines built from the whole stored schedule so far (the tests watch it).
    private(set) var builds = 0

    init(database: TelemedDatabase) {
        self.database = database
    }

    /// Up to `limit` proposals for `request`, best first, none starting before `notBefore` (now),
    /// or why there are none. An invalid request (unknown site, impossible duration or dates) is
    /// a 400 listing every problem.
    func proposals(for request: ConsultationRequest, notBefore: Date, limit: Int = 3) throws -> ProposalSet {
        let engine = try currentEngine()
        do {
            return try engine.proposals(for: request, limit: limit, notBefore: notBefore)
        } catch .invalidScenario(let issues) {
            throw APIError.badRequest(
                "The request cannot be planned: "
                    + issues.joined(separator: "; ") + ".")
        } catch {
            throw APIError.badRequest("The request cannot be planned: \(error)")
        }
    }

    /// The plan's horizon (requests default to start no earlier than its first day).
    func horizon() throws -> Horizon {
        try current().scenario.horizon
    }

    /// The stored scenario (sites, specialists, units) the engine was compiled from; the pages
    /// read names from it without loading the schedule again.
    func scenario() throws -> Scenario {
        try current().scenario
    }

    private func currentEngine() throws -> ProposalEngine {
        try current().engine
    }

    private func current() throws -> (generation: Int64, engine: ProposalEngine, scenario: Scenario) {
        let generation = try database.recentChangeGeneration(tolerance: Self.otherProcessDelay)
        if let cached, cached.generation == generation { return cached }
        if let cached, let followed = try following(cached, to: generation) {
            self.cached = followed
            return followed
        }
        let schedule = try database.schedule()
        let engine = try ProposalEngine(scenario: schedule.scenario, plan: schedule.plan, travelModel: schedule.travel)
        let built = (generation, engine, schedule.scenario)
        cached = built
        builds += 1
        return built
    }

    /// `cached` with the bookings created since its generation, or nil when the changes since
    /// are not all new bookings the engine can take without a rebuild.
    private func following(
        _ cached: (generation: Int64, engine: ProposalEngine, scenario: Scenario), to generation: Int64
    ) throws -> (generation: Int64, engine: ProposalEngine, scenario: Scenario)? {
        guard generation > cached.generation,
            let added = try database.bookingsAdded(after: cached.generation, through: generation)
        else { return nil }
        var engine = cached.engine
        for (booking, request) in added {
            guard let next = engine.holding(booking, of: request) else { return nil }
            engine = next
        }
        return (generation, engine, cached.scenario)
    }
}
