import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// The outbox as admins see it: deliveries by state (the dead-letter list is `?state=dead`), and
/// a delivery sent again (`…/replay`) once its receiver is fixed, under the same event id.
struct OutboxController: Sendable {
    let database: TelemedDatabase

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "admin/outbox", use: list)
        routes.on(.post, "admin/outbox/{id}/replay", use: replay)
    }

    @Sendable func list(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let text = request.uri.queryParameters.get("state") ?? Delivery.State.dead.rawValue
        guard let state = Delivery.State(rawValue: text) else {
            throw APIError.badRequest("state must be pending, delivered or dead, not \(text).")
        }
        let limit = try request.uri.queryParameters.get("limit").map { text in
            guard let value = Int(text), (1...1000).contains(value) else {
                throw APIError.badRequest("limit must be a whole number from 1 to 1000, not \(text).")
            }
            return value
        }
        let deliveries = try database.deliveries(in: state, limit: limit ?? 100)
        return try JSONResponse.make(OutboxView(state: state, deliveries: deliveries.map(DeliveryView.init)))
    }

    @Sendable func replay(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let role = try Self.requireAdmin(context)
        let text = try context.parameters.require("id")
        guard let id = Int64(text), try database.delivery(id) != nil else {
            throw APIError.notFound("There is no delivery \(text).")
        }
        let replayed = try database.replayDelivery(id, actor: role.description)
        context.logger.info("Delivery replayed", metadata: ["delivery": "\(id)", "event": "\(replayed.event.id)"])
        return try JSONResponse.make(DeliveryView(replayed))
    }

    @discardableResult
    private static func requireAdmin(_ context: TelemedRequestContext) throws -> AccessRole {
        let role = try context.requireRole()
        guard role == .admin else { throw APIError.forbidden("Only the admin token can read and replay the outbox.") }
        return role
    }
}

/// `GET /api/v1/admin/outbox`.
struct OutboxView: Codable, Sendable {
    var state: Delivery.State
    var deliveries: [DeliveryView]
}

/// One delivery as admins see it: its event whole (pseudonymous), where it goes, how it went.
struct DeliveryView: Codable, Sendable {
    var id: Int64
    var channel: Delivery.Channel
    var target: String
    var state: Delivery.State
    var attempts: Int
    var nextAttemptAt: Date
    var lastError: String?
    var deliveredAt: Date?
    var event: NotificationEvent

    init(_ delivery: Delivery) {
        id = delivery.id
        channel = delivery.channel
        target = delivery.target
        state = delivery.state
        attempts = delivery.attempts
        nextAttemptAt = delivery.nextAttemptAt
        lastError = delivery.lastError
        deliveredAt = delivery.deliveredAt
        event = delivery.event
    }
}
