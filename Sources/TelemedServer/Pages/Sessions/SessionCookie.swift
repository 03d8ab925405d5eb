import Hummingbird

/// The session cookie: the random session id only, `HttpOnly` (no script reads it), `Path=/`.
///
/// `SameSite=Lax` rather than `Strict`: every state-changing request is a POST that carries a
/// CSRF value, which another site cannot forge, and Lax keeps a link followed from the
/// establishment's intranet or an e-mail signed in (with Strict, it lands on the login page).
/// `Secure` when the server is reached over https (see ``PageServices/secureCookies``).
enum SessionCookie {
    static let name = "telemed_session"

    static func opening(_ session: PageSessions.Session, secure: Bool) -> Cookie {
        Cookie(
            name: name, value: session.id, maxAge: Int(PageSessions.lifetime), path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    static func closing(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func sessionId(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }
}
