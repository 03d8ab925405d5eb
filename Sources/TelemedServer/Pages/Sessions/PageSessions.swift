import Foundation
import TelemedStore

/// The signed-in browsers: a random session id (what the cookie holds) kept in the database by
/// hash, with the hash of the access code it was opened with
/// (``TelemedDatabase/openPageSession(token:expires:)``). The cookie never carries the code, the
/// database holds neither the cookie nor the code, and every replica of the database recognises
/// the session, so a load balancer may send each request anywhere.
///
/// Every page looks its role up again through the code's hash, as the API does with bearer
/// tokens: a `telemed token revoke` signs the browsers out at once.
///
/// ```swift
/// let session = try sessions.open(token: code)
/// let role = try sessions.role(of: session.id)   // nil once revoked, closed or expired
/// ```
struct PageSessions: Sendable {
    struct Session: Sendable {
        let id: String
        let expires: Date
    }

    /// A working day and a half: staff sign in once per shift.
    static let lifetime: TimeInterval = 12 * 3600

    let database: TelemedDatabase

    func open(token: String) throws -> Session {
        let expires = database.clock.now().addingTimeInterval(Self.lifetime)
        return Session(id: try database.openPageSession(token: token, expires: expires), expires: expires)
    }

    /// The role the session's code still grants; nil when the session is unknown, expired or its
    /// code was revoked.
    func role(of id: String) throws -> AccessRole? {
        try database.pageSessionRole(id, now: database.clock.now())
    }

    func close(_ id: String) throws {
        try database.closePageSession(id)
    }
}
