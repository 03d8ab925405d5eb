import Crypto
import Foundation
import Hummingbird
import TelemedPages
import TelemedStore

/// What the page controllers share: the browser sessions, the CSRF signer, the feed links and the
/// what-if runs shown, all made once per application.
struct PageServices: Sendable {
    let sessions: PageSessions
    /// Signs the forms' CSRF values with a key every replica of the database shares
    /// (``TelemedDatabase/sharedKey(named:)``): a form served by one replica is accepted by another.
    let csrf: CSRFToken
    let feedLinks: FeedLinks
    let whatIfs = WhatIfRuns()
    /// The address people reach the server at (`--public-url`), for feed links; nil to use the
    /// request's own `Host`.
    let publicURL: String?
    /// The largest form accepted (`--body-limit`).
    let bodyLimit: Int
    /// `host:port` the server listens on, for links when a request carries no `Host`.
    let listenAuthority: String

    /// `Secure` only when the public address is https: over plain http (a test, or a server on
    /// 127.0.0.1 behind nothing) a browser would drop a `Secure` cookie and nobody could sign in.
    var secureCookies: Bool { publicURL?.hasPrefix("https://") ?? false }

    init(configuration: ServerConfiguration, database: TelemedDatabase) throws {
        sessions = PageSessions(database: database)
        csrf = CSRFToken(key: SymmetricKey(data: try database.sharedKey(named: "csrf")))
        publicURL = configuration.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        feedLinks = FeedLinks(key: configuration.feedLinkKey ?? FeedLinkKey.random())
        bodyLimit = configuration.bodyLimit
        listenAuthority = "\(configuration.host):\(configuration.port)"
    }

    /// The address people use, for links: `--public-url` when set, else what the browser asked for.
    func baseURL(_ request: Request) -> String {
        publicURL ?? "http://\(request.head.authority ?? listenAuthority)"
    }

    /// A form's fields, within the body limit.
    func form(_ request: Request) async throws -> HTMLForm {
        try await HTMLForm.read(request, limit: bodyLimit)
    }

    /// The CSRF values of a page shown to `session`.
    func protection(session: String) -> FormProtection {
        FormProtection(token: csrf, session: session)
    }

    /// The login form is shown before any session exists, so its value is bound to none: it only
    /// proves the form was rendered by this process. That is weak on purpose (anyone can fetch the
    /// login page); signing someone in under an attacker's own code is the only forgery left, and
    /// that code gives no access to anyone else's data.
    static let loginSession = ""
}
