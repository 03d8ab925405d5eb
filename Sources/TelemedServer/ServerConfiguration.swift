import Logging

/// What the server needs to start: where to listen and how to name itself.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Sent in the `Server` header.
    public var serverName: String
    /// Reported by `/healthz`, so operators can tell which build answers.
    public var version: String
    public var logLevel: Logger.Level

    public init(
        host: String = "127.0.0.1", port: Int = 8080, serverName: String = "telemed",
        version: String = "0.1.0", logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.version = version
        self.logLevel = logLevel
    }
}
