import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// The request context of every telemed route: who is asking (set by ``BearerAuthMiddleware``
/// on `/api/v1`), and the one JSON encoder.
///
/// Its encoder sorts keys: `JSONEncoder` key order is not stable on Linux, and API responses are
/// compared byte for byte (tests, ETags).
public struct TelemedRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The bearer token's role; nil outside `/api/v1`.
    public var role: AccessRole?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var responseEncoder: JSONEncoder {
        Self.encoder
    }

    /// The one JSON encoder configuration for everything the server writes: sorted keys and the
    /// scenario format's instants (`2027-01-04T08:30:00Z`).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = ScenarioCoder.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// JSON encoders are thread-safe; making one per response would cost more than most bodies.
    static let encoder = makeEncoder()

    /// The caller's role; ``APIError/unauthenticated`` outside authenticated routes.
    func requireRole() throws -> AccessRole {
        guard let role else { throw APIError.unauthenticated }
        return role
    }
}
