import ArgumentParser
import Foundation
import Logging
import TelemedCore
import TelemedServer
import TelemedSolver
import TelemedStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service: French pages, booking API, proposals, feeds, plans, metrics.",
        discussion: """
            On an empty database, the region of --scenario is stored (without it, the demo region \
            generated to start on the clock's today, so the demo is always live), planned with a fixed seed, its first two weeks of bookings confirmed, and a token made for \
            the admin, a planner and every site and unit, with a feed secret for every site, unit and \
            specialist. They are shown once: the admin token and a few ready URLs on standard output, \
            all of them in the --credentials file (readable by you alone). The pages' feed links are \
            derived from a key kept in DB.feed-links.key (made at the first start, readable by you \
            alone; not in the database, so a copy of it opens no feed). TELEMED_ADMIN_TOKEN, when set, \
            is stored as an admin token instead of making one. SIGINT or SIGTERM stop the server \
            after the requests in progress.

            With --db postgres://…, several replicas share one database behind a load balancer: \
            the first to start sets the region up (the others wait for it), sessions and the keys \
            of forms, feed links and webhook secrets live in the database, bookings made on one \
            replica reach the others' feeds within a second, and the nightly roll and the outbox's \
            deliveries run on one replica at a time.

            The clock is the system's unless --now starts it at another instant (demos, training, \
            tests): every "now" of the service comes from it. The planning window rolls to the \
            clock's today at start-up when the database is behind, then every night at --roll-at.
            """
    )

    @OptionGroup var database: DatabaseOption

    @OptionGroup var clock: ClockOption

    @OptionGroup(title: "Notification e-mails") var mail: MailOptions

    @OptionGroup var alarm: FeedAlarmOption

    @Option(
        help: ArgumentHelp(
            "Where the set-up writes every token and feed URL (default: next to a SQLite file, DB.credentials.json).",
            valueName: "path"))
    var credentials: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (printed when listening).")
    var port = 8080

    @Option(help: "The region to set up when the database is empty (default: the demo region, starting today).")
    var scenario: String?

    @Option(
        help: "Local time (Europe/Paris, HH:MM) the planning window rolls at every night.",
        transform: parseTime)
    var rollAt = NightlyRollTime.default

    @Option(
        help: ArgumentHelp(
            "Local time (Europe/Paris, HH:MM) the day-before reminders go out at (default 17:00), or none.",
            discussion: "One e-mail (and reminder.digest webhook) per site and per specialist with sessions tomorrow."),
        transform: { $0 == "none" ? nil : try parseTime($0) })
    var reminderAt: LocalTime? = LocalTime(hour: 17, minute: 0)

    @Option(help: "Seconds to plan the region at setup (the first plan is always built).")
    var setupSeconds: Double = 10

    @Option(help: "Seconds a background plan run (POST /api/v1/plans) may take.")
    var planSeconds: Double = 10

    @Option(
        help: ArgumentHelp(
            "How long a slot offered to a waiting request stays held for it, in hours of its site's opening time.",
            discussion: "Then the slot passes to the next waiting request. Never past the slot's own start."))
    var waitlistHoldHours: Double = 4

    @Option(help: "Seed of every plan the server makes; the same seed gives the same plan.")
    var seed: UInt64 = 1

    @Option(
        help: "Stop background plan runs after this many iterations (reproducible; the time limit is then ignored).")
    var planIterations: Int?

    @Option(
        help: ArgumentHelp(
            "The address people reach the server at (https://… behind a TLS proxy).",
            discussion: "Used in the feed links the pages show; with https the session cookie is Secure."))
    var publicURL: String?

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let clock = try clock.clock()
        let email = try mail.settings(environment: ProcessInfo.processInfo.environment)
        let feedAlarms = try alarm.alarms()
        let store = try database.open(clock: clock)
        var created: (credentials: RegionCredentials, firstDay: LocalDate)? = nil
        guard waitlistHoldHours > 0, waitlistHoldHours <= 24 * 7 else {
            throw InputError("--waitlist-hold-hours must be more than 0 and at most 168 (a week); nothing was started.")
        }
        let adminToken = ProcessInfo.processInfo.environment["TELEMED_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let adminToken, adminToken.count < 16 {
            throw InputError("TELEMED_ADMIN_TOKEN must be at least 16 characters; nothing was started.")
        }
        let replica = ReplicaIdentity.current
        if let region = try await setUpOnce(store, replica: replica, adminToken: adminToken) {
            created = region
        } else if let adminToken {
            try StoreFailure.wrap { try store.registerToken(adminToken, role: .admin, actor: "serve") }
        }
        var configuration = ServerConfiguration(
            host: host, port: port, version: TelemedCore.version, planTimeLimit: .seconds(planSeconds),
            planSeed: seed, planIterations: planIterations, publicURL: publicURL,
            feedLinkKey: try feedLinkKey(store), rollAt: rollAt,
            waitlistHold: WaitlistHold(openHours: .seconds(Int64((waitlistHoldHours * 3600).rounded()))),
            webhookSeal: try WebhookCommand.seal(for: self.database, store: store), email: email, reminderAt: reminderAt
        )
        configuration.feedAlarms = feedAlarms
        let (host, credentials, publicURL) = (host, created, publicURL)
        let app = try buildApplication(configuration: configuration, database: store) { port in
            ServeBanner(host: host, port: port, publicURL: publicURL, setup: credentials).show()
        }
        try await app.runService()
    }

    /// The key of the pages' feed links: a key file next to a SQLite database; on PostgreSQL a key
    /// every replica reads from the database itself.
    private func feedLinkKey(_ store: TelemedDatabase) throws -> Data {
        if database.isPostgres { return try StoreFailure.wrap { try store.sharedKey(named: "feed-links") } }
        return try FeedLinkKey.loadOrCreate(at: database.path + ".feed-links.key")
    }

    /// Sets the region up when the database holds none, under the `setup` lease: of replicas
    /// starting together on one PostgreSQL database, one sets up and the others wait for it.
    /// Nil when the database held a region already (or another replica set it up).
    private func setUpOnce(_ store: TelemedDatabase, replica: String, adminToken: String?) async throws
        -> (RegionCredentials, LocalDate)?
    {
        var announced = false
        while try !StoreFailure.wrap({ try store.holdsScenario() }) {
            if try StoreFailure.wrap({ try store.acquireLease("setup", holder: replica, for: 3600) }) {
                defer { try? store.releaseLease("setup", holder: replica) }
                guard try !store.holdsScenario() else { return nil }
                return try setUp(store, adminToken: adminToken)
            }
            if !announced {
                Output.note("Another replica is setting the region up; waiting for it…")
                announced = true
            }
            try await Task.sleep(for: .seconds(1))
        }
        return nil
    }

    private func setUp(_ store: TelemedDatabase, adminToken: String?) throws -> (RegionCredentials, LocalDate) {
        let region: Scenario
        if let scenario {
            region = try Input.scenario(scenario)
        } else {
            region = try DemoRegionGenerator.demo(startingOn: store.clock.today())
        }
        Output.note("Setting up \(region.name) in \(self.database.shown): planning for up to \(setupSeconds) s…")
        let progress = ProgressLine()
        let setup = RegionSetup(
            scenario: region, solver: SolverOptions(seed: seed, timeLimit: .seconds(setupSeconds)),
            adminToken: adminToken)
        let outcome = try StoreFailure.wrap { try setup.run(into: store) { progress.report($0) } }
        progress.finish()
        Output.note(
            "Planned \(outcome.bookings) bookings (\(outcome.unassigned) requests left unassigned); "
                + "confirmed \(outcome.confirmed) in the first \(setup.confirmedDays) days.")
        let file = credentials ?? self.database.companionPath(".credentials.json")
        try ServeBanner.writeCredentials(outcome.credentials, to: file)
        Output.note("Every token and feed URL: \(file) (shown once; only their hashes are stored).")
        return (outcome.credentials, region.horizon.start)
    }
}
