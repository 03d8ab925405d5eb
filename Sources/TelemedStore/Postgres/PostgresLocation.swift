import Foundation

/// Where a PostgreSQL database is, from `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE]`
/// (`postgresql://` too). The password may instead come from `PGPASSWORD`, so it stays out of
/// process listings; a password in the address wins, as with libpq.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// libpq's `sslmode` values this client honours.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP (loopback, or a private network the operator trusts).
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or nothing, without checking the certificate.
        case require
        /// TLS, the certificate checked against the system's trusted authorities and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(
        host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
        tls: TLSMode = .prefer
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses an address; `environment` supplies `PGPASSWORD` when the address has no password.
    public init(_ text: String, environment: [String: String] = [:]) throws(PostgresLocationError) {
        guard Self.isPostgresAddress(text), let components = URLComponents(string: text) else {
            throw .malformed(text: Self.redacted(text), reason: "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .malformed(text: Self.redacted(text), reason: "the host is missing")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .malformed(text: Self.redacted(text), reason: "the user is missing (USER@HOST)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .malformed(text: Self.redacted(text), reason: "the database name is missing (…/DB)")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw .malformed(text: Self.redacted(text), reason: "the port \(port) is out of range")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw .malformed(text: Self.redacted(text), reason: "unknown parameter \(item.name) (only sslmode)")
            }
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformed(text: Self.redacted(text), reason: "sslmode must be one of \(modes)")
            }
            tls = mode
        }
        self.init(
            host: host, port: components.port ?? 5432, user: components.user ?? user,
            password: components.password ?? environment["PGPASSWORD"], database: database, tls: tls)
    }

    /// The address without its password, for messages and logs.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        if tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    /// `text` with anything between `:` and `@` after the scheme blanked out.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            schemeEnd.upperBound < at.lowerBound,
            let colon = text[schemeEnd.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return text }
        return text[..<text.index(after: colon)] + "***" + text[at.lowerBound...]
    }
}

/// A `--db postgres://…` address that cannot be used; the message never shows the password.
public enum PostgresLocationError: Error, CustomStringConvertible, Equatable {
    case malformed(text: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): "cannot use the PostgreSQL address \(text): \(reason)"
        }
    }
}
