import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore

/// A region's first start on an empty database: the scenario stored and planned, the planned
/// routes saved, the near-term bookings confirmed (as staff would have by then), and a token for
/// every role and a feed secret for every site, unit and specialist.
///
/// ```swift
/// let setup = RegionSetup(scenario: demo, solver: SolverOptions(seed: 1, timeLimit: .seconds(10)))
/// let outcome = try setup.run(into: database) { progress in print(progress.iterations) }
/// ```
public struct RegionSetup: Sendable {
    public var scenario: Scenario
    public var solver: SolverOptions
    /// Bookings starting within this many days of the horizon's start are confirmed; later ones
    /// stay proposed (planned, not yet agreed), which is how a programme looks a few weeks ahead.
    public var confirmedDays: Int
    /// The operator's admin token, if chosen (`TELEMED_ADMIN_TOKEN`); else one is made.
    public var adminToken: String?

    public static let actor = "setup"

    public init(scenario: Scenario, solver: SolverOptions, confirmedDays: Int = 14, adminToken: String? = nil) {
        self.scenario = scenario
        self.solver = solver
        self.confirmedDays = confirmedDays
        self.adminToken = adminToken
    }

    /// What the setup did.
    public struct Outcome: Sendable {
        public var credentials: RegionCredentials
        public var bookings: Int
        public var confirmed: Int
        public var unassigned: Int
    }

    public func run(
        into database: TelemedDatabase, progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) throws -> Outcome {
        let plan = try Solver(scenario: scenario).solve(solver, progress: progress).plan
        var stored = scenario
        stored.bookings = plan.bookings.map { booking in
            var proposed = booking
            proposed.status = .proposed
            proposed.version = 1
            return proposed
        }
        try database.importScenario(stored, actor: Self.actor)
        let store = DatabaseBookingStore(database)
        for day in plan.unitDays {
            guard let route = UnitRoute(plan: plan, unitId: day.unitId, date: day.date) else { continue }
            _ = try store.saveRoute(route, actor: Self.actor)
        }
        let cutoff = WallClock.paris.dayInterval(scenario.horizon.start.adding(days: confirmedDays)).start
        var confirmed = 0
        // The store refuses to confirm a live teleconsultation without the resident's consent:
        // those stay proposed, as staff would leave them until the consent is recorded.
        let awaitingConsent = Set(scenario.requests.filter(\.awaitsConsent).map(\.id))
        for booking in stored.bookings where booking.start < cutoff && !awaitingConsent.contains(booking.requestId) {
            if try store.confirm(booking.id, actor: Self.actor).value != nil { confirmed += 1 }
        }
        // The set-up's confirmations bootstrap the region: nobody is to be told of them.
        try database.acknowledgeEvents()
        return Outcome(
            credentials: try credentials(in: database), bookings: plan.bookings.count, confirmed: confirmed,
            unassigned: plan.unassigned.count)
    }

    private func credentials(in database: TelemedDatabase) throws -> RegionCredentials {
        var admin: String? = nil
        if let adminToken {
            try database.registerToken(adminToken, role: .admin, actor: Self.actor)
        } else {
            admin = try database.createToken(role: .admin, actor: Self.actor)
        }
        let planner = try database.createToken(role: .planner, actor: Self.actor)
        let sites = scenario.sites.map(\.id.rawValue)
        let units = scenario.units.map(\.id.rawValue)
        let siteTokens = try database.createTokens(for: sites.map(AccessRole.site), actor: Self.actor)
        let unitTokens = try database.createTokens(for: units.map(AccessRole.unit), actor: Self.actor)
        let specialists = scenario.specialists.map(\.id.rawValue)
        let specialistTokens = try database.createTokens(
            for: specialists.map(AccessRole.specialist), actor: Self.actor)
        let owners: [TelemedDatabase.FeedOwner] =
            sites.map(TelemedDatabase.FeedOwner.site) + units.map(TelemedDatabase.FeedOwner.unit)
            + scenario.specialists.map { .specialist($0.id.rawValue) }
        let secrets = try database.createFeedSecrets(for: owners, actor: Self.actor)
        return RegionCredentials(
            adminToken: admin, plannerToken: planner,
            siteTokens: Dictionary(uniqueKeysWithValues: zip(sites, siteTokens)),
            unitTokens: Dictionary(uniqueKeysWithValues: zip(units, unitTokens)),
            specialistTokens: Dictionary(uniqueKeysWithValues: zip(specialists, specialistTokens)),
            feeds: zip(owners, secrets).map { owner, secret in
                RegionCredentials.Feed(kind: owner.kindName, ownerId: owner.ownerId, secret: secret)
            })
    }
}
