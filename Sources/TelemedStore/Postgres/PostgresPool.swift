import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A fixed-size set of PostgreSQL connections handed out one caller at a time, synchronously (the
/// store's API is synchronous). Connections open on first need; one that fails is dropped and
/// replaced by the next caller.
final class PostgresPool: @unchecked Sendable {
    let location: PostgresLocation
    let maximumConnections: Int
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var closed = false
    private var nextID = 0

    init(_ location: PostgresLocation, maximumConnections: Int = 8, logger: Logger = Logger(label: "telemed.postgres"))
        throws
    {
        self.location = location
        self.maximumConnections = max(1, maximumConnections)
        self.logger = logger
        configuration = try Self.configuration(location)
    }

    deinit { close() }

    /// Runs `body` on a connection of the pool, waiting for one when all are busy.
    func withConnection<T>(_ body: (PostgresSQLConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(PostgresSQLConnection(connection: connection, logger: logger))
            checkIn(connection)
            return result
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// A connection of its own, outside the pool, for a caller that keeps it (the change listener).
    func connectDedicated() async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 0, logger: logger
            ).get()
        } catch {
            throw PostgresPoolError.cannotConnect(location: location.description, reason: Self.reason(error))
        }
    }

    /// Closes every idle connection and refuses new work; busy ones close when handed back.
    func close() {
        condition.lock()
        closed = true
        let connections = idle
        idle = []
        open -= connections.count
        condition.broadcast()
        condition.unlock()
        for connection in connections { try? connection.close().wait() }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresPoolError.closed
            }
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isClosed {
                    condition.lock()
                    open -= 1
                    continue
                }
                return connection
            }
            if open < maximumConnections { break }
            condition.wait()
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw PostgresPoolError.cannotConnect(location: location.description, reason: Self.reason(error))
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        condition.lock()
        if closed || connection.isClosed {
            open -= 1
            condition.signal()
            condition.unlock()
            try? connection.close().wait()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        // PSQLError's own description hides everything; its cause (connection refused, no such
        // host, TLS refused) is what the operator needs, and holds no password.
        if let underlying = error.underlying { return String(describing: underlying) }
        return "\(error.code)"
    }

    private static func configuration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch location.tls {
        case .disable:
            tls = .disable
        case .prefer, .require:
            // libpq's prefer and require encrypt without checking who answers.
            var client = TLSConfiguration.makeClientConfiguration()
            client.certificateVerification = .none
            let context = try NIOSSLContext(configuration: client)
            tls = location.tls == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
    }
}

enum PostgresPoolError: Error, CustomStringConvertible {
    case closed
    case cannotConnect(location: String, reason: String)

    var description: String {
        switch self {
        case .closed: "the PostgreSQL connections are closed (the server is stopping)"
        case .cannotConnect(let location, let reason): "cannot connect to \(location): \(reason)"
        }
    }
}
