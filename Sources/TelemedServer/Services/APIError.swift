import Hummingbird
import TelemedCore
import TelemedStore

/// Every refusal the API gives, each with the status it maps to and a message that tells the
/// caller what to do. ``ProblemMiddleware`` turns them into RFC 9457 documents.
enum APIError: Error, Equatable {
    case unauthenticated
    case forbidden(String)
    case notFound(String)
    case badRequest(String)
    /// The body does not decode; `path` is the JSON path where reading stopped.
    case invalidBody(path: String, message: String)
    case bodyTooLarge(limit: Int)
    case conflict(String, collisions: [CollisionView])
    /// A 409 that a field of a stored resource would lift (`consent` on a live request).
    case missingField(path: String, message: String)
    case gone(String)
    case unsupportedMediaType

    var status: HTTPResponse.Status {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .badRequest, .invalidBody: .badRequest
        case .bodyTooLarge: .contentTooLarge
        case .conflict, .missingField: .conflict
        case .gone: .gone
        case .unsupportedMediaType: .unsupportedMediaType
        }
    }

    /// The body's field a refusal names; nil when it names none.
    var field: String? {
        switch self {
        case .invalidBody(let path, _), .missingField(let path, _): path.isEmpty ? nil : path
        default: nil
        }
    }

    var detail: String {
        switch self {
        case .unauthenticated:
            "Send a valid API token as `Authorization: Bearer TOKEN` (telemed token create --role ROLE)."
        case .forbidden(let why), .notFound(let why), .badRequest(let why), .gone(let why): why
        case .invalidBody(let path, let message): path.isEmpty ? message : "\(path): \(message)"
        case .bodyTooLarge(let limit): "The body is larger than \(limit / 1024) KiB; nothing was read."
        case .conflict(let why, _), .missingField(_, let why): why
        case .unsupportedMediaType: "Send the body as application/json."
        }
    }

    var problem: ProblemDetails {
        var problem = ProblemDetails(status: status, detail: detail)
        switch self {
        case .invalidBody(let path, _), .missingField(let path, _): problem.field = path.isEmpty ? nil : path
        case .conflict(_, let collisions): problem.collisions = collisions
        default: break
        }
        return problem
    }

    /// The store's refusals in API terms; nil for failures that are the server's own (a 500).
    init?(_ error: StoreError) {
        switch error {
        case .bookingNotFound(let id): self = .notFound("There is no booking \(id).")
        case .bookingExists, .versionMismatch, .invalidTransition, .notReschedulable, .sessionNotStarted,
            .alreadyWaiting, .notWaiting, .requestAlreadyBooked, .noOffer, .alreadyOffered, .heldForAnother,
            .servedByUnit, .campaignExists:
            self = .conflict(error.description, collisions: [])
        case .invalidText(let field): self = .invalidBody(path: field, message: "NUL characters are refused")
        case .unknownReference(let what): self = .badRequest("Unknown reference: \(what).")
        case .consentMissing: self = .missingField(path: "consent", message: error.description)
        case .reasonMismatch: self = .invalidBody(path: "reason", message: error.description)
        default: return nil
        }
    }
}

/// One broken rule of a refused booking, in a 409 problem.
struct CollisionView: Codable, Equatable, Sendable {
    var constraint: ConstraintName
    var otherBookingIds: [String]
    var message: String

    init(_ collision: BookingConflict.Collision) {
        constraint = collision.constraint
        otherBookingIds = collision.otherBookingIds.map(\.rawValue)
        message = collision.message
    }
}
