import Crypto
import Foundation
import Hummingbird
import TelemedCalendar
import TelemedCore
import TelemedStore

/// Built feeds kept in memory per owner, and the owners of the secrets seen, valid while the
/// store's change generation stays the same: a cached `GET` reads nothing from the database and
/// does no libical work. A change made by this server (a booking, a revocation: each appends an
/// audit entry) shows at the next `GET`; one made by another process on the same file within
/// ``otherProcessDelay``.
actor FeedCache {
    /// One feed as served: its bytes, strong ETag (SHA-256 of the bytes) and last modification.
    struct Entry: Sendable {
        var body: ByteBuffer
        var etag: String
        var lastModified: Date
    }

    /// How late a change made by another process (a `telemed` command on the same file) may show;
    /// the server's own changes show at once. Reading the generation on every `GET` halved the rate.
    static let otherProcessDelay: Duration = .seconds(1)
    /// How far back feeds show sessions: history stays in subscribed calendars for a month,
    /// and a feed's size does not grow with the years.
    static let pastDays = 30

    let database: TelemedDatabase
    /// The feeds' alarms, per kind (`--feed-alarm`).
    let alarms: [FeedKind: Int]
    private var generation: Int64?
    private var source: FeedSource?
    private var entries: [TelemedDatabase.FeedOwner: Entry] = [:]
    /// Secrets known to be active, by secret. Unknown ones are not remembered, so guessing
    /// cannot grow the cache.
    private var owners: [String: TelemedDatabase.FeedOwner] = [:]
    /// The entries of the previous generation: an unchanged feed keeps its `Last-Modified`.
    private var previous: [TelemedDatabase.FeedOwner: Entry] = [:]

    init(database: TelemedDatabase, alarms: [FeedKind: Int] = [:]) {
        self.database = database
        self.alarms = alarms
    }

    /// The feed a secret opens as the store holds it now; nil when the secret is unknown or
    /// revoked, or its owner is no longer in the scenario.
    func feed(forSecret secret: String) throws -> Entry? {
        let current = try database.recentChangeGeneration(tolerance: Self.otherProcessDelay)
        if current != generation {
            previous.merge(entries) { _, new in new }
            entries = [:]
            owners = [:]
            source = nil
            generation = current
        }
        guard let owner = try owners[secret] ?? database.feedOwner(forSecret: secret) else { return nil }
        owners[secret] = owner
        if let entry = entries[owner] { return entry }
        let source = try currentSource()
        guard let calendar = try Self.calendar(of: owner, in: source) else { return nil }
        let text = try calendar.serialized()
        let etag = "\"" + SHA256.hash(data: Data(text.utf8)).lowercaseHex + "\""
        let newest = calendar.events.map { $0.lastModified ?? $0.stamp }.max()
        let kept = previous[owner].flatMap { $0.etag == etag ? $0.lastModified : nil }
        let entry = Entry(
            body: ByteBuffer(string: text), etag: etag, lastModified: newest ?? kept ?? source.publishedAt)
        entries[owner] = entry
        return entry
    }

    private func currentSource() throws -> FeedSource {
        if let source { return source }
        let schedule = try database.schedule(pastDays: Self.pastDays)
        let (scenario, plan) = schedule.withPast
        let built = try FeedSource(
            scenario: scenario, plan: plan, travel: schedule.travel, changes: schedule.changes,
            publishedAt: database.clock.now(), options: FeedOptions(alarms: alarms))
        source = built
        return built
    }

    private static func calendar(of owner: TelemedDatabase.FeedOwner, in source: FeedSource) throws -> FeedCalendar? {
        let scenario = source.scenario
        switch owner {
        case .site(let id):
            return try scenario.sites.first { $0.id.rawValue == id }.map { try source.siteCalendar(for: $0) }
        case .unit(let id):
            return try scenario.units.first { $0.id.rawValue == id }.map { try source.unitRouteCalendar(for: $0) }
        case .specialist(let id):
            return try scenario.specialists.first { $0.id.rawValue == id }.map {
                try source.specialistCalendar(for: $0)
            }
        }
    }
}
