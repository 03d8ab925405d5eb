import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TelemedCore
import TelemedNotify
import TelemedStore
import Testing

@testable import TelemedServer

/// A webhook endpoint on loopback that records what it receives and answers as scripted.
actor WebhookRecorder {
    struct Received: Sendable {
        var eventId: String?
        var eventType: String?
        var signature: String?
        var body: Data
    }

    private(set) var received: [Received] = []
    /// The statuses to answer, in order; 200 once they are used up.
    var script: [HTTPResponse.Status]

    init(script: [HTTPResponse.Status] = []) {
        self.script = script
    }

    func record(_ request: Request) async throws -> HTTPResponse.Status {
        let body = try await request.body.collect(upTo: 1 << 20)
        received.append(
            Received(
                eventId: request.headers[HTTPField.Name("Telemed-Event-Id")!],
                eventType: request.headers[HTTPField.Name("Telemed-Event-Type")!],
                signature: request.headers[HTTPField.Name("Telemed-Signature")!], body: Data(buffer: body)))
        return script.isEmpty ? .ok : script.removeFirst()
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("hook") { request, _ in Response(status: try await self.record(request)) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}

@Suite("Notifications: the outbox delivered to a webhook on loopback, signed, retried, replayed")
struct NotificationDeliveryTests {
    static let quiet: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    /// Books a dermatology proposal at the EHPAD through the API; the booking's id.
    static func book(_ fixture: ServerFixture) async throws -> String {
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        return try await fixture.app().test(.router) { client in
            let asked = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest())
            let proposal = try #require(try asked.decode(ProposalsBody.self).proposals.first)
            let booked = try await client.execute(
                uri: "/api/v1/bookings", method: .post, headers: staff,
                body: ByteBuffer(string: #"{"proposalId": "\#(proposal.id)"}"#))
            #expect(booked.status == .created)
            return try booked.decode(BookingBody.self).id
        }
    }

    /// Whether `signature` (`t=…,v1=…`) is the HMAC-SHA256 of "t.body" under `secret`.
    static func verifies(_ signature: String?, body: Data, secret: String) -> Bool {
        let parts = Dictionary(
            uniqueKeysWithValues: (signature ?? "").split(separator: ",").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1)
                return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
            })
        guard let t = parts["t"], let v1 = parts["v1"] else { return false }
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("\(t).".utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
        return Data(code).lowercaseHex == v1
    }

    @Test("a booking's confirmation reaches the webhook, signed; 500 twice, delivered on the third try")
    func deliveredOnTheThirdTry() async throws {
        let time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
        var configuration = ServerConfiguration(port: 0, planTimeLimit: .milliseconds(200))
        configuration.deliversNotifications = false
        let fixture = try ServerFixture(configuration: configuration, clock: .manual(time))
        let database = fixture.database
        let seal = SecretSeal(key: KeyFile.random())
        let recorder = WebhookRecorder(script: [.internalServerError, .internalServerError])
        try await recorder.application().test(.live) { receiver in
            let port = try #require(receiver.port)
            let (_, secret) = try database.addWebhook(
                url: URL(string: "http://127.0.0.1:\(port)/hook")!, events: [.bookingConfirmed], seal: seal,
                actor: "test")
            let booking = try await Self.book(fixture)
            let worker = DeliveryWorker(
                database: database,
                channels: [.webhook: WebhookChannel(database: database, seal: seal, version: "test")],
                logger: Self.quiet)
            #expect(await worker.round() == 0)
            time.advance(bySeconds: 10)
            #expect(await worker.round() == 0)
            time.advance(bySeconds: 19)
            #expect(await worker.round() == 0, "the third try waits 20 s after the second")
            time.advance(bySeconds: 1)
            #expect(await worker.round() == 1)
            let received = await recorder.received
            #expect(received.count == 3)
            let ids = Set(received.compactMap(\.eventId))
            #expect(ids.count == 1 && ids.first?.hasPrefix("evt-") == true, "one event, one id, every try")
            #expect(received.allSatisfy { $0.eventType == "booking.confirmed" })
            #expect(received.allSatisfy { Self.verifies($0.signature, body: $0.body, secret: secret) })
            #expect(!Self.verifies(received[0].signature, body: received[0].body, secret: secret + "x"))
            let event = try ScenarioCoder.makeDecoder().decode(NotificationEvent.self, from: received[2].body)
            #expect(event.booking?.id.rawValue == booking && event.booking?.patientRef == "P-TEST-1")
            #expect(try database.deliveries(in: .delivered).first?.attempts == 3)
        }
    }

    @Test("a receiver that keeps failing: dead after the deadline, listed for admins, replayed under the same id")
    func deadAndReplayed() async throws {
        let time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
        let retry = RetryPolicy(first: .seconds(10), longest: .seconds(10), giveUpAfter: .seconds(25))
        var configuration = ServerConfiguration(port: 0, planTimeLimit: .milliseconds(200))
        configuration.deliveryRetry = retry
        configuration.deliversNotifications = false
        let fixture = try ServerFixture(configuration: configuration, clock: .manual(time))
        let database = fixture.database
        let seal = SecretSeal(key: KeyFile.random())
        let recorder = WebhookRecorder(script: Array(repeating: .badGateway, count: 3))
        try await recorder.application().test(.live) { receiver in
            let port = try #require(receiver.port)
            _ = try database.addWebhook(
                url: URL(string: "http://127.0.0.1:\(port)/hook")!, events: [.bookingConfirmed], seal: seal,
                actor: "test")
            _ = try await Self.book(fixture)
            let worker = DeliveryWorker(
                database: database,
                channels: [.webhook: WebhookChannel(database: database, seal: seal, version: "test")],
                retry: retry, logger: Self.quiet)
            for _ in 0..<3 {
                _ = await worker.round()
                time.advance(bySeconds: 10)
            }
            let dead = try database.deliveries(in: .dead)
            #expect(dead.count == 1 && dead.first?.attempts == 3)
            #expect(dead.first?.lastError?.contains("502") == true)
            try await fixture.app().test(.router) { client in
                let admin = ServerFixture.bearer(try #require(fixture.credentials.adminToken))
                let listed = try await client.execute(
                    uri: "/api/v1/admin/outbox?state=dead", method: .get, headers: admin)
                #expect(listed.status == .ok)
                #expect(String(buffer: listed.body).contains("\"lastError\":\"the endpoint answered 502"))
                let planner = ServerFixture.bearer(fixture.credentials.plannerToken)
                #expect(
                    try await client.execute(uri: "/api/v1/admin/outbox", method: .get, headers: planner).status
                        == .forbidden)
                #expect(
                    try await client.execute(uri: "/api/v1/admin/outbox?state=lost", method: .get, headers: admin)
                        .status == .badRequest)
                #expect(
                    try await client.execute(uri: "/api/v1/admin/outbox/999/replay", method: .post, headers: admin)
                        .status == .notFound)
                let id = try #require(dead.first?.id)
                let replayed = try await client.execute(
                    uri: "/api/v1/admin/outbox/\(id)/replay", method: .post, headers: admin)
                #expect(replayed.status == .ok)
            }
            #expect(await worker.round() == 1)
            let received = await recorder.received
            #expect(received.count == 4 && Set(received.compactMap(\.eventId)).count == 1)
        }
    }
}
