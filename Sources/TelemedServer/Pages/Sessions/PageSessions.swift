import Foundation
import TelemedStore

/// The signed-in browsers: a random session id (what the cookie holds) mapped in memory to the
/// access code it was opened with. The cookie never carries the code itself, so a stolen cookie
/// dies with the process or after ``lifetime``, and the code stays hashed at rest in the store.
///
/// The code is kept (in memory only) so every page looks its role up again, by hash, as the API
/// does with bearer tokens: a `telemed token revoke` signs the browsers out at once.
///
/// ```swift
/// let session = await sessions.open(token: code, now: clock.now())
/// let role = try await sessions.role(of: session.id, in: database, now: clock.now())   // nil once revoked or expired
/// ```
actor PageSessions {
    struct Session: Sendable {
        let id: String
        let token: String
        let expires: Date
    }

    /// A working day and a half: staff sign in once per shift.
    static let lifetime: TimeInterval = 12 * 3600

    private var sessions: [String: Session] = [:]

    func open(token: String, now: Date) -> Session {
        dropExpired(now: now)
        let session = Session(id: Self.randomId(), token: token, expires: now.addingTimeInterval(Self.lifetime))
        sessions[session.id] = session
        return session
    }

    /// The role the session's code still grants; nil when the session is unknown, expired or its
    /// code was revoked.
    func role(of id: String, in database: TelemedDatabase, now: Date) throws -> AccessRole? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > now, let role = try database.role(forToken: session.token) else {
            sessions[id] = nil
            return nil
        }
        return role
    }

    func close(_ id: String) {
        sessions[id] = nil
    }

    private func dropExpired(now: Date) {
        sessions = sessions.filter { $0.value.expires > now }
    }

    /// 256 random bits as hexadecimal: unguessable, and a valid cookie value.
    private static func randomId() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }
}
