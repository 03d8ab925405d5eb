import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TelemedCore
import TelemedStore

/// Webhook deliveries: an HTTP POST of the event's JSON to the endpoint, with `Telemed-Event-Id`,
/// `Telemed-Event-Type` and `Telemed-Signature` (``WebhookSignature``). Any 2xx is delivered;
/// anything else, or no answer within `timeout`, is tried again later (a receiver being deployed
/// answers 502 for a minute). A webhook removed since is a permanent failure.
public struct WebhookChannel: DeliveryChannel {
    let database: TelemedDatabase
    let seal: SecretSeal
    let timeout: Duration
    let version: String

    public init(database: TelemedDatabase, seal: SecretSeal, timeout: Duration = .seconds(10), version: String) {
        self.database = database
        self.seal = seal
        self.timeout = timeout
        self.version = version
    }

    public func send(_ delivery: Delivery) async throws(DeliveryFailure) {
        let endpoint: (webhook: Webhook, secret: String)
        let body: Data
        do {
            guard let found = try database.webhookSecret(delivery.target, seal: seal) else {
                throw DeliveryFailure("webhook \(delivery.target) was removed", isPermanent: true)
            }
            endpoint = found
            body = try NotificationJSON.encode(delivery.event)
        } catch let failure as DeliveryFailure {
            throw failure
        } catch {
            throw DeliveryFailure("cannot prepare the delivery: \(error)", isPermanent: true)
        }
        var request = HTTPClientRequest(url: endpoint.webhook.url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "telemed/\(version)")
        request.headers.add(name: "Telemed-Event-Id", value: delivery.event.id)
        request.headers.add(name: "Telemed-Event-Type", value: delivery.event.type.rawValue)
        request.headers.add(
            name: "Telemed-Signature",
            value: WebhookSignature.header(for: body, secret: endpoint.secret, at: database.clock.now()))
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: HTTPResponseStatus
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
            status = response.status
            _ = try? await response.body.collect(upTo: 64 * 1024)
        } catch {
            throw DeliveryFailure("no answer from \(endpoint.webhook.url.host ?? "the endpoint"): \(error)")
        }
        guard (200..<300).contains(status.code) else {
            throw DeliveryFailure("the endpoint answered \(status.code) \(status.reasonPhrase)")
        }
    }
}

/// The events' JSON as webhooks receive it: the scenario format's conventions (ISO 8601 instants,
/// sorted keys), compact.
public enum NotificationJSON {
    public static func encode(_ event: NotificationEvent) throws -> Data {
        let encoder = ScenarioCoder.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(event)
    }
}
