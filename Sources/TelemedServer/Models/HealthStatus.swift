import Hummingbird

/// The body of `GET /healthz`.
public struct HealthStatus: ResponseCodable, Equatable, Sendable {
    public var status: String
    public var version: String

    public init(status: String = "ok", version: String) {
        self.status = status
        self.version = version
    }
}
