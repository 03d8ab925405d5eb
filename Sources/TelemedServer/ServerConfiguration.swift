import Foundation
import Logging
import TelemedCalendar
import TelemedCore
import TelemedNotify
import TelemedStore

/// What the server needs to start: where to listen, how to name itself, and its limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Sent in the `Server` header.
    public var serverName: String
    /// Reported by `/healthz`, so operators can tell which build answers.
    public var version: String
    public var logLevel: Logger.Level
    /// Largest JSON body accepted; a larger one is refused with 413 before it is parsed.
    public var bodyLimit: Int
    /// How long a proposal can be booked after it was offered.
    public var proposalLifetime: Duration
    /// Time limit and seed of background plan runs (`POST /plans`).
    public var planTimeLimit: Duration
    public var planSeed: UInt64
    /// With an iteration count a plan run stops after it and ignores the time limit, so the same
    /// stored state gives the same plan (and a re-optimisation the same changes).
    public var planIterations: Int?
    /// The address people reach the server at (`https://telemed.example.org`), for the feed links
    /// the pages show; with https the session cookie is `Secure`. Nil: the request's `Host`.
    public var publicURL: String?
    /// The key the pages' feed links are derived from (``FeedLinkKey``, 32 bytes). Nil: a random
    /// key per process, so the links the pages show change at each start (tests, previews).
    public var feedLinkKey: Data?
    /// When the planning window rolls each night (local time); nil: never (tests that keep a
    /// fixed window). With a time, the server also rolls at start-up when the database is behind.
    public var rollAt: LocalTime?
    /// How long a slot offered to a waiting request stays held for it (hours of its site's opening
    /// time, `--waitlist-hold-hours`).
    public var waitlistHold: WaitlistHold
    /// Opens the webhooks' signing secrets (the key file `telemed webhook add` sealed them with).
    public var webhookSeal: SecretSeal
    /// When failed deliveries are tried again, and for how long.
    public var deliveryRetry: RetryPolicy
    /// The relay notification e-mails go through; nil: no e-mail (webhooks only).
    public var email: EmailSettings?
    /// Minutes before a confirmed session its feed's alarm (`VALARM`) goes off, per feed kind
    /// (`--feed-alarm site=60`); kinds not listed carry none.
    public var feedAlarms: [FeedKind: Int] = [:]
    /// When the day-before reminders go out (local time); nil: never.
    public var reminderAt: LocalTime?
    /// Whether the application runs the delivery worker (tests that drive deliveries by hand turn it off).
    public var deliversNotifications: Bool = true

    public init(
        host: String = "127.0.0.1", port: Int = 8080, serverName: String = "telemed",
        version: String = "0.1.0", logLevel: Logger.Level = .info, bodyLimit: Int = 64 * 1024,
        proposalLifetime: Duration = .seconds(15 * 60), planTimeLimit: Duration = .seconds(10), planSeed: UInt64 = 1,
        planIterations: Int? = nil, publicURL: String? = nil, feedLinkKey: Data? = nil, rollAt: LocalTime? = nil,
        waitlistHold: WaitlistHold = WaitlistHold(), webhookSeal: SecretSeal = SecretSeal(key: KeyFile.random()),
        deliveryRetry: RetryPolicy = RetryPolicy(), email: EmailSettings? = nil, reminderAt: LocalTime? = nil
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.version = version
        self.logLevel = logLevel
        self.bodyLimit = bodyLimit
        self.proposalLifetime = proposalLifetime
        self.planTimeLimit = planTimeLimit
        self.planSeed = planSeed
        self.planIterations = planIterations
        self.publicURL = publicURL
        self.feedLinkKey = feedLinkKey
        self.rollAt = rollAt
        self.waitlistHold = waitlistHold
        self.webhookSeal = webhookSeal
        self.deliveryRetry = deliveryRetry
        self.email = email
        self.reminderAt = reminderAt
    }
}
